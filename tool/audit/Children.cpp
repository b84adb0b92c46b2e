//===--- Children.cpp - TUs analysed in child processes -------------------===//

#include "Children.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <csignal>
#include <signal.h>
#include <thread>

namespace highwater::audit {

namespace {
volatile std::sig_atomic_t Interrupted = 0;
void onInterrupt(int) { Interrupted = 1; }
} // namespace

void stopOnInterrupt(bool Enable) {
  std::signal(SIGINT, Enable ? onInterrupt : SIG_DFL);
  std::signal(SIGTERM, Enable ? onInterrupt : SIG_DFL);
}

bool interrupted() { return Interrupted; }

Progress::Progress(llvm::StringRef What, size_t Total, bool Quiet)
    : What(What.str()), Total(Total), Quiet(Quiet || Total == 0),
      OnTerminal(llvm::sys::Process::StandardErrIsDisplayed()),
      Start(std::chrono::steady_clock::now()), LastLine(Start) {}

static std::string clock(double Seconds) {
  unsigned S = static_cast<unsigned>(Seconds + 0.5);
  std::string Out;
  llvm::raw_string_ostream(Out) << llvm::format("%u:%02u", S / 60, S % 60);
  return Out;
}

void Progress::update(size_t Done, size_t Findings, bool Force) {
  if (Quiet)
    return;
  auto Now = std::chrono::steady_clock::now();
  double Elapsed = std::chrono::duration<double>(Now - Start).count();
  auto SinceLast = std::chrono::duration<double>(Now - LastLine).count();
  if (!Force && SinceLast < (OnTerminal ? 0.1 : 10.0))
    return;
  LastLine = Now;
  std::string Eta = "?";
  if (Done > 0)
    Eta = clock(Elapsed / Done * (Total - Done));
  if (OnTerminal) {
    const unsigned Width = 30;
    unsigned Filled = Total ? Width * Done / Total : Width;
    llvm::errs() << "\r" << What << " [" << std::string(Filled, '#')
                 << std::string(Width - Filled, '.') << "] " << Done << "/"
                 << Total << " TUs, " << Findings << " findings, "
                 << clock(Elapsed) << " elapsed, ETA " << Eta << "   ";
    if (Done == Total)
      llvm::errs() << "\n";
  } else {
    llvm::errs() << "highwater: " << What << " " << Done << "/" << Total
                 << " TUs, " << Findings << " findings, " << clock(Elapsed)
                 << " elapsed, ETA " << Eta << "\n";
  }
}

namespace {

struct ChildRun {
  size_t Index;
  llvm::sys::ProcessInfo Process;
  std::string ResultPath, LogPath;
  std::chrono::steady_clock::time_point Started;
};

} // namespace

std::string lastLines(llvm::StringRef Path, size_t Count) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return "";
  llvm::SmallVector<llvm::StringRef> Lines;
  (*Buffer)->getBuffer().rtrim().split(Lines, '\n');
  std::string Out;
  for (size_t I = Lines.size() > Count ? Lines.size() - Count : 0;
       I < Lines.size(); ++I)
    Out += (Out.empty() ? "" : " / ") + Lines[I].trim().str();
  return Out;
}

bool runChildren(const std::string &Self, llvm::StringRef TempDir,
                 const std::vector<Job> &Jobs, unsigned Parallel,
                 unsigned TimeoutSeconds, Progress &Bar,
                 const std::function<void(size_t, TUResult)> &Done,
                 const std::function<size_t()> &FindingsSoFar) {
  std::vector<ChildRun> Running;
  size_t Next = 0, Finished = 0;
  Bar.update(0, FindingsSoFar(), /*Force=*/true);
  auto Finish = [&](ChildRun &Run, TUResult R) {
    llvm::sys::fs::remove(Run.ResultPath);
    llvm::sys::fs::remove(Run.LogPath);
    ++Finished;
    Done(Run.Index, std::move(R));
    Bar.update(Finished, FindingsSoFar(), Finished == Jobs.size());
  };
  while ((Next < Jobs.size() || !Running.empty()) && !Interrupted) {
    while (Running.size() < Parallel && Next < Jobs.size() && !Interrupted) {
      ChildRun Run;
      Run.Index = Next;
      std::string Stem = (TempDir + "/tu-" + llvm::Twine(Next)).str();
      std::string JobPath = Stem + ".job.json";
      Run.ResultPath = Stem + ".result.json";
      Run.LogPath = Stem + ".log";
      {
        std::error_code EC;
        llvm::raw_fd_ostream Out(JobPath, EC);
        Out << toJSON(Jobs[Next]);
      }
      llvm::StringRef Argv[] = {Self, AnalyseSubcommand, JobPath,
                                Run.ResultPath};
      std::optional<llvm::StringRef> Redirects[] = {
          llvm::StringRef(""), llvm::StringRef(Run.LogPath),
          llvm::StringRef(Run.LogPath)};
      std::string Error;
      bool ExecutionFailed = false;
      Run.Process = llvm::sys::ExecuteNoWait(Self, Argv, std::nullopt,
                                             Redirects, 0, &Error,
                                             &ExecutionFailed);
      Run.Started = std::chrono::steady_clock::now();
      ++Next;
      if (ExecutionFailed) {
        TUResult R;
        R.File = canonicalPath(Jobs[Run.Index].Command.Filename,
                               Jobs[Run.Index].Command.Directory);
        R.Directory = Jobs[Run.Index].Command.Directory;
        R.Failed = true;
        R.FailureReason = "could not start the analysis: " + Error;
        Finish(Run, std::move(R));
        continue;
      }
      Running.push_back(std::move(Run));
    }
    bool AnyFinished = false;
    for (size_t I = 0; I < Running.size();) {
      ChildRun &Run = Running[I];
      std::string Error;
      llvm::sys::ProcessInfo Status =
          llvm::sys::Wait(Run.Process, /*SecondsToWait=*/0, &Error);
      bool TimedOut = false;
      if (Status.Pid == 0) {
        double Seconds = std::chrono::duration<double>(
                             std::chrono::steady_clock::now() - Run.Started)
                             .count();
        if (TimeoutSeconds == 0 || Seconds < TimeoutSeconds) {
          ++I;
          continue;
        }
        ::kill(Run.Process.Pid, SIGKILL);
        Status = llvm::sys::Wait(Run.Process, std::nullopt, &Error);
        TimedOut = true;
      }
      if (Interrupted && Status.ReturnCode != 0) {
        // Most likely killed by the same Ctrl-C: not a failure of its TU,
        // which is left out like those still running.
        llvm::sys::fs::remove(Run.ResultPath);
        llvm::sys::fs::remove(Run.LogPath);
        Running.erase(Running.begin() + I);
        continue;
      }
      AnyFinished = true;
      const Job &J = Jobs[Run.Index];
      TUResult R;
      std::optional<TUResult> Parsed;
      if (Status.ReturnCode == 0 && !TimedOut) {
        if (auto Buffer = llvm::MemoryBuffer::getFile(Run.ResultPath)) {
          if (auto V = llvm::json::parse((*Buffer)->getBuffer()))
            Parsed = tuResultFromJSON(*V);
          else
            llvm::consumeError(V.takeError());
        }
      }
      if (Parsed) {
        R = std::move(*Parsed);
      } else {
        R.File = canonicalPath(J.Command.Filename, J.Command.Directory);
        R.Directory = J.Command.Directory;
        R.Failed = true;
        if (TimedOut)
          R.FailureReason = "timed out after " +
                            std::to_string(TimeoutSeconds) + " s";
        else if (Status.ReturnCode == -2)
          R.FailureReason = "the analysis crashed (" + Error + ")";
        else
          R.FailureReason = "the analysis exited with code " +
                            std::to_string(Status.ReturnCode);
        std::string Log = lastLines(Run.LogPath, 2);
        if (!Log.empty())
          R.FailureReason += ": " + Log;
      }
      ChildRun Ended = std::move(Run);
      Running.erase(Running.begin() + I);
      Finish(Ended, std::move(R));
    }
    if (!AnyFinished)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    Bar.update(Finished, FindingsSoFar());
  }
  if (!Interrupted)
    return true;
  // Interrupted: what finished is kept; the children still running are
  // stopped, their TUs left out of the report.
  for (ChildRun &Run : Running) {
    ::kill(Run.Process.Pid, SIGKILL);
    llvm::sys::Wait(Run.Process, std::nullopt);
    llvm::sys::fs::remove(Run.ResultPath);
    llvm::sys::fs::remove(Run.LogPath);
  }
  return false;
}

} // namespace highwater::audit
