//===--- AnalyseTU.cpp - the child process: one translation unit ----------===//

#include "AnalyseTU.h"
#include "Finding.h"
#include "Options.h"
#include "ResourceDir.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <cstdlib>
#include <thread>
#include <set>

namespace highwater::audit {

using llvm::json::Array;
using llvm::json::Object;

llvm::json::Value toJSON(const Job &J) {
  Array Arguments;
  for (const std::string &A : J.Command.CommandLine)
    Arguments.push_back(A);
  Object O{{"kind", J.What == Job::Analyse ? "analyse" : "dependencies"},
           {"directory", J.Command.Directory},
           {"file", J.Command.Filename},
           {"output", J.Command.Output},
           {"arguments", std::move(Arguments)}};
  if (J.Checks)
    O["checks"] = *J.Checks;
  return O;
}

std::optional<Job> jobFromJSON(const llvm::json::Value &V) {
  const Object *O = V.getAsObject();
  if (!O)
    return std::nullopt;
  auto Kind = O->getString("kind");
  auto Directory = O->getString("directory");
  auto File = O->getString("file");
  const Array *Arguments = O->getArray("arguments");
  if (!Kind || !Directory || !File || !Arguments)
    return std::nullopt;
  Job J;
  J.What = *Kind == "analyse" ? Job::Analyse : Job::ListDependencies;
  J.Command.Directory = Directory->str();
  J.Command.Filename = File->str();
  J.Command.Output = O->getString("output").value_or("").str();
  for (const llvm::json::Value &A : *Arguments)
    if (auto S = A.getAsString())
      J.Command.CommandLine.push_back(S->str());
  if (auto Checks = O->getString("checks"))
    J.Checks = Checks->str();
  return J;
}

namespace {

/// A compilation database of the one command the parent sent.
class OneCommandDatabase : public clang::tooling::CompilationDatabase {
public:
  explicit OneCommandDatabase(clang::tooling::CompileCommand Command)
      : Command(std::move(Command)) {}
  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef) const override {
    return {Command};
  }
  std::vector<std::string> getAllFiles() const override {
    return {Command.Filename};
  }

private:
  clang::tooling::CompileCommand Command;
};

std::string absoluteIn(llvm::StringRef Directory, llvm::StringRef Path) {
  return canonicalPath(Path, Directory);
}

/// The prerequisites of a Makefile rule as clang's -MD writes it.
std::vector<std::string> parseDependencyFile(llvm::StringRef Text,
                                             llvm::StringRef Directory) {
  size_t Colon = Text.find(": ");
  if (Colon == llvm::StringRef::npos)
    return {};
  std::vector<std::string> Files;
  std::string Current;
  llvm::StringRef Rest = Text.drop_front(Colon + 2);
  for (size_t I = 0; I < Rest.size(); ++I) {
    char C = Rest[I];
    if (C == '\\' && I + 1 < Rest.size() &&
        (Rest[I + 1] == '\n' || Rest[I + 1] == '\r')) {
      ++I;
      continue;
    }
    if (C == '\\' && I + 1 < Rest.size() && Rest[I + 1] == ' ') {
      Current += ' ';
      ++I;
      continue;
    }
    if (C == ' ' || C == '\n' || C == '\t' || C == '\r') {
      if (!Current.empty())
        Files.push_back(absoluteIn(Directory, Current));
      Current.clear();
      continue;
    }
    Current += C;
  }
  if (!Current.empty())
    Files.push_back(absoluteIn(Directory, Current));
  return Files;
}

/// Line and column (1-based) and the text of the line at an offset, over the
/// files a TU's findings are in.
class SourceLines {
public:
  struct Position {
    unsigned Line = 0, Column = 0;
    std::string Text;
  };
  Position at(const std::string &File, unsigned Offset) {
    auto &Buffer = Buffers[File];
    if (!Buffer)
      if (auto B = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                               /*RequiresNullTerminator=*/false))
        Buffer = std::move(*B);
    Position P;
    if (!Buffer || Offset > Buffer->getBufferSize())
      return P;
    llvm::StringRef Text = Buffer->getBuffer();
    llvm::StringRef Before = Text.take_front(Offset);
    P.Line = Before.count('\n') + 1;
    size_t LineStart = Before.rfind('\n');
    LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
    P.Column = Offset - LineStart + 1;
    size_t LineEnd = Text.find('\n', LineStart);
    P.Text = Text.slice(LineStart, LineEnd).rtrim("\r").str();
    return P;
  }

private:
  llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> Buffers;
};

std::vector<std::string> extraArgs(const char *Argv0, const Job &J,
                                   llvm::StringRef DependencyFile) {
  std::vector<const char *> Args;
  for (const std::string &A : J.Command.CommandLine)
    Args.push_back(A.c_str());
  std::vector<std::string> Extra;
  std::string ResourceDir =
      highwater::resourceDirToAdd(Argv0, Args, "-resource-dir");
  if (!ResourceDir.empty())
    Extra.push_back("-resource-dir=" + ResourceDir);
  // -fsyntax-only still writes a dependency file: the files the TU read,
  // which the cache and --changed-since need.
  Extra.push_back("-MD");
  Extra.push_back("-MF");
  Extra.push_back(DependencyFile.str());
  return Extra;
}

std::vector<std::string> readDependencies(llvm::StringRef DependencyFile,
                                          const Job &J) {
  auto Buffer = llvm::MemoryBuffer::getFile(DependencyFile);
  if (!Buffer)
    return {absoluteIn(J.Command.Directory, J.Command.Filename)};
  std::vector<std::string> Files =
      parseDependencyFile((*Buffer)->getBuffer(), J.Command.Directory);
  std::set<std::string> Unique(Files.begin(), Files.end());
  return {Unique.begin(), Unique.end()};
}

TUResult listDependencies(const char *Argv0, const Job &J,
                          llvm::StringRef DependencyFile) {
  TUResult R;
  R.File = absoluteIn(J.Command.Directory, J.Command.Filename);
  R.Directory = J.Command.Directory;
  OneCommandDatabase Database(J.Command);
  clang::tooling::ClangTool Tool(Database, {J.Command.Filename});
  Tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
      extraArgs(Argv0, J, DependencyFile),
      clang::tooling::ArgumentInsertPosition::END));
  clang::IgnoringDiagConsumer Quiet;
  Tool.setDiagnosticConsumer(&Quiet);
  Tool.run(clang::tooling::newFrontendActionFactory<
               clang::PreprocessOnlyAction>()
               .get());
  R.FilesRead = readDependencies(DependencyFile, J);
  return R;
}

void appendFinding(const clang::tidy::ClangTidyError &Error,
                   SourceLines &Lines, TUResult &R) {
  Finding F;
  F.Check = Error.DiagnosticName;
  F.Level = Error.DiagLevel == clang::tooling::Diagnostic::Error ? "error"
                                                                 : "warning";
  F.Message = Error.Message.Message;
  F.File = Error.Message.FilePath.empty()
               ? R.File
               : absoluteIn(R.Directory, Error.Message.FilePath);
  F.Offset = Error.Message.FileOffset;
  SourceLines::Position P = Lines.at(F.File, F.Offset);
  F.Line = P.Line;
  F.Column = P.Column;
  F.LineText = P.Text;
  F.Container = containerNameIn(F.Message);
  F.BuildDirectory = Error.BuildDirectory;
  for (const auto &FileAndReplacements : Error.Message.Fix)
    for (const clang::tooling::Replacement &Rep : FileAndReplacements.second)
      F.Fix.push_back({absoluteIn(R.Directory, Rep.getFilePath()),
                       Rep.getOffset(), Rep.getLength(),
                       Rep.getReplacementText().str()});
  for (const clang::tooling::DiagnosticMessage &N : Error.Notes) {
    std::string File = N.FilePath.empty() ? F.File
                                          : absoluteIn(R.Directory, N.FilePath);
    SourceLines::Position NP = Lines.at(File, N.FileOffset);
    F.Notes.push_back({N.Message, File, NP.Line, NP.Column});
  }
  R.Findings.push_back(std::move(F));
}

TUResult analyse(const char *Argv0, const Job &J,
                 llvm::StringRef DependencyFile) {
  TUResult R;
  R.File = absoluteIn(J.Command.Directory, J.Command.Filename);
  R.Directory = J.Command.Directory;

  // The extra arguments go after whatever .clang-tidy files add.
  clang::tidy::ClangTidyContext Context(
      makeOptionsProvider(J.Checks, extraArgs(Argv0, J, DependencyFile)),
      /*AllowEnablingAnalyzerAlphaCheckers=*/false,
      /*EnableModuleHeadersParsing=*/false,
      /*ExperimentalCustomChecks=*/false);
  OneCommandDatabase Database(J.Command);
  auto BaseFS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  std::vector<clang::tidy::ClangTidyError> Errors =
      clang::tidy::runClangTidy(Context, Database, {R.File}, BaseFS,
                                /*ApplyAnyFix=*/false,
                                /*EnableCheckProfile=*/false, "",
                                /*Quiet=*/true);

  SourceLines Lines;
  std::string CompileErrors;
  for (const clang::tidy::ClangTidyError &Error : Errors) {
    bool IsCompileError =
        Error.DiagLevel == clang::tooling::Diagnostic::Error &&
        llvm::StringRef(Error.DiagnosticName).starts_with("clang-diagnostic-");
    if (!IsCompileError) {
      appendFinding(Error, Lines, R);
      continue;
    }
    if (!CompileErrors.empty())
      CompileErrors += "; ";
    std::string File = Error.Message.FilePath.empty()
                           ? R.File
                           : absoluteIn(R.Directory, Error.Message.FilePath);
    SourceLines::Position P = Lines.at(File, Error.Message.FileOffset);
    CompileErrors += File + ":" + std::to_string(P.Line) + ":" +
                     std::to_string(P.Column) + ": " + Error.Message.Message;
  }
  if (!CompileErrors.empty()) {
    R.Failed = true;
    R.FailureReason = "does not compile: " + CompileErrors;
  }
  R.FilesRead = readDependencies(DependencyFile, J);
  return R;
}

} // namespace

int analyseMain(const char *Argv0, llvm::StringRef JobPath,
                llvm::StringRef ResultPath) {
  auto Buffer = llvm::MemoryBuffer::getFile(JobPath);
  if (!Buffer) {
    llvm::errs() << "highwater: cannot read job file '" << JobPath << "'\n";
    return 2;
  }
  auto Parsed = llvm::json::parse((*Buffer)->getBuffer());
  std::optional<Job> J;
  if (Parsed)
    J = jobFromJSON(*Parsed);
  else
    llvm::consumeError(Parsed.takeError());
  if (!J) {
    llvm::errs() << "highwater: malformed job file '" << JobPath << "'\n";
    return 2;
  }
  // Test hooks, for the tests of the audit's fault handling only.
  // Simulates a crash in the analysis of matching TUs.
  if (const char *CrashOn = std::getenv("HIGHWATER_AUDIT_TEST_CRASH_ON"))
    if (*CrashOn && llvm::Regex(CrashOn).match(J->Command.Filename))
      std::abort();
  // Test hook: simulates an analysis that never ends, to test --timeout.
  if (const char *HangOn = std::getenv("HIGHWATER_AUDIT_TEST_HANG_ON"))
    if (*HangOn && llvm::Regex(HangOn).match(J->Command.Filename))
      while (true)
        std::this_thread::sleep_for(std::chrono::seconds(1));

  std::string DependencyFile = ResultPath.str() + ".d";
  TUResult R = J->What == Job::Analyse
                   ? analyse(Argv0, *J, DependencyFile)
                   : listDependencies(Argv0, *J, DependencyFile);
  llvm::sys::fs::remove(DependencyFile);
  std::error_code EC;
  llvm::raw_fd_ostream Out(ResultPath, EC);
  if (EC) {
    llvm::errs() << "highwater: cannot write '" << ResultPath
                 << "': " << EC.message() << "\n";
    return 2;
  }
  Out << toJSON(R);
  return 0;
}

} // namespace highwater::audit
