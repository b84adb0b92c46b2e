//===- CheckRunner.cpp - Run one RUN line of a check test -----------------===//

#include "CheckRunner.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <fstream>
#include <regex>
#include <sstream>

namespace highwater::harness {

namespace {

bool readFile(const std::string &Path, std::string &Out) {
  std::ifstream In(Path, std::ios::binary);
  if (!In)
    return false;
  std::ostringstream SS;
  SS << In.rdbuf();
  Out = SS.str();
  return true;
}

bool writeFile(const std::string &Path, const std::string &Text) {
  std::ofstream Out(Path, std::ios::binary | std::ios::trunc);
  Out << Text;
  return static_cast<bool>(Out);
}

std::vector<std::string> splitLines(const std::string &Text) {
  std::vector<std::string> Lines;
  std::istringstream SS(Text);
  std::string L;
  while (std::getline(SS, L))
    Lines.push_back(L);
  return Lines;
}

std::string joinLines(const std::vector<std::string> &Lines) {
  std::string Out;
  for (const std::string &L : Lines)
    Out += L + "\n";
  return Out;
}

std::vector<std::string> grepLines(const std::string &Text,
                                   const std::regex &Re) {
  std::vector<std::string> Out;
  for (const std::string &L : splitLines(Text))
    if (std::regex_search(L, Re))
      Out.push_back(L);
  return Out;
}

// Diagnostic lines ("file:1:2: warning: ...", "error: ..."), not the echoed
// source lines below them.
const std::regex &diagnosticRe() {
  static const std::regex Re(R"((^|: )(fatal error|error|warning): )");
  return Re;
}
const std::regex &errorRe() {
  static const std::regex Re(R"((^|: )(fatal error|error): )");
  return Re;
}

// True if the clang-tidy arguments choose a header filter: --header-filter=,
// or HeaderFilterRegex in a -config= string or a -config-file= file.
bool setsHeaderFilter(const std::vector<std::string> &TidyArgs) {
  static const std::regex FilterRe("^--?header-filter=.*");
  static const std::regex ConfigRe("^--?config=.*");
  static const std::regex ConfigFileRe("^--?config-file=(.*)");
  for (const std::string &A : TidyArgs) {
    std::smatch M;
    if (std::regex_match(A, FilterRe))
      return true;
    if (std::regex_match(A, ConfigRe) &&
        A.find("HeaderFilterRegex") != std::string::npos)
      return true;
    std::string Config;
    if (std::regex_match(A, M, ConfigFileRe) && readFile(M[1].str(), Config) &&
        Config.find("HeaderFilterRegex") != std::string::npos)
      return true;
  }
  return false;
}

std::string section(const std::string &Title, const std::string &Body) {
  std::string Out = "------------------------------ " + Title +
                    " ------------------------------\n" + Body;
  if (!Body.empty() && Body.back() != '\n')
    Out += "\n";
  return Out;
}

std::string indent(const std::vector<std::string> &Lines) {
  std::string Out;
  for (const std::string &L : Lines)
    Out += "  " + L + "\n";
  return Out;
}

} // namespace

std::string ProcessResult::describe() const {
  if (ExecFailed)
    return "could not be executed: " + Message;
  if (TimedOut)
    return "timed out (" + Message + ")";
  if (Crashed)
    return "crashed: " + Message;
  return "exited with status " + std::to_string(ExitCode);
}

ProcessResult runProcess(const std::vector<std::string> &Argv,
                         const std::string &OutputFile,
                         unsigned TimeoutSeconds) {
  ProcessResult R;
  std::vector<llvm::StringRef> Args(Argv.begin(), Argv.end());
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(OutputFile),
      llvm::StringRef(OutputFile)};
  std::string ErrMsg;
  bool ExecFailed = false;
  int RC = llvm::sys::ExecuteAndWait(Argv.at(0), Args, std::nullopt,
                                     Redirects, TimeoutSeconds,
                                     /*MemoryLimit=*/0, &ErrMsg, &ExecFailed);
  R.Message = ErrMsg;
  if (ExecFailed || RC == -1) {
    R.ExecFailed = true;
  } else if (RC == -2) {
    if (llvm::StringRef(ErrMsg).contains_insensitive("timed out")) {
      R.TimedOut = true;
      R.Message = "killed after " + std::to_string(TimeoutSeconds) +
                  " s; see HIGHWATER_CHECK_TIMEOUT";
    } else
      R.Crashed = true;
  } else {
    R.ExitCode = RC;
  }
  readFile(OutputFile, R.Output);
  return R;
}

std::string resolveProgram(const std::string &NameOrPath) {
  if (NameOrPath.empty())
    return "";
  if (NameOrPath.find('/') != std::string::npos) {
    llvm::SmallString<256> Abs(NameOrPath);
    llvm::sys::fs::make_absolute(Abs);
    return std::string(Abs);
  }
  if (auto P = llvm::sys::findProgramByName(NameOrPath))
    return *P;
  return "";
}

RunResult runCheck(const std::string &TestFile, const RunSpec &Spec,
                   const std::optional<std::string> &Std, const Driver &D,
                   const Tools &T) {
  RunResult R;
  auto Fail = [&R](std::string Title, std::string Details = "") {
    if (!Details.empty() && Details.back() != '\n')
      Details += "\n";
    R.Failures.push_back(Title + (Details.empty() ? "" : "\n" + Details));
  };

  std::string Text;
  if (!readFile(TestFile, Text)) {
    Fail("cannot read " + TestFile);
    return R;
  }
  Prefixes P;
  std::string Error;
  if (!computePrefixes(Text, Spec.CheckSuffixes, P, Error)) {
    Fail("invalid test file: " + Error);
    return R;
  }

  // A fresh directory per run: runs and drivers never share files.
  llvm::StringRef Base = llvm::sys::path::filename(TestFile);
  llvm::SmallString<256> Model;
  llvm::sys::path::system_temp_directory(/*ErasedOnReboot=*/true, Model);
  llvm::sys::path::append(Model, "highwater-check-" +
                                     sanitizeName(llvm::sys::path::stem(Base)));
  llvm::SmallString<256> DirBuf;
  if (std::error_code EC = llvm::sys::fs::createUniqueDirectory(Model, DirBuf)) {
    Fail("cannot create a temporary directory: " + EC.message());
    return R;
  }
  const std::string Dir(DirBuf);
  R.TempDir = Dir;

  Substitutions Subst;
  Subst.S = TestFile;
  Subst.SDir = std::string(llvm::sys::path::parent_path(TestFile));
  Subst.T = Dir + "/" + std::string(Base) + ".tmp";
  Subst.TDir = Dir;

  // Same naming rule as check_clang_tidy.py: %t plus the source extension.
  std::string Ext(llvm::sys::path::extension(
      Spec.AssumeFilename ? llvm::StringRef(*Spec.AssumeFilename)
                          : llvm::StringRef(TestFile)));
  if (Ext != ".c" && Ext != ".hpp" && Ext != ".m" && Ext != ".mm")
    Ext = ".cpp";
  const std::string TempFile = substitute(Spec.TempFile, Subst) + Ext;
  const std::string OrigFile = TempFile + ".orig";
  const std::string Cleaned = removeCheckComments(Text);
  if (!writeFile(TempFile, Cleaned) || !writeFile(OrigFile, Cleaned)) {
    Fail("cannot write " + TempFile);
    return R;
  }

  std::vector<std::string> TidyArgs;
  for (const std::string &A : Spec.TidyArgs)
    TidyArgs.push_back(substitute(A, Subst));
  // As check_clang_tidy.py: never pick up an unrelated .clang-tidy file.
  if (!Spec.hasConfigArg())
    TidyArgs.push_back("--config={}");
  // Since LLVM 22 clang-tidy's default header filter is '.*', and -fix
  // rewrites every header it warns about, e.g. mock headers next to the test
  // file. Unless the RUN line chooses a header filter, diagnose the main file
  // only.
  if (!setsHeaderFilter(TidyArgs))
    TidyArgs.push_back("--header-filter=^$");

  std::vector<std::string> CompilerArgs;
  for (const std::string &A : Spec.CompilerArgs)
    CompilerArgs.push_back(substitute(A, Subst));
  if (Std)
    CompilerArgs.push_back("-std=" + *Std);
  if (Spec.ResourceDir)
    CompilerArgs.push_back("-resource-dir=" +
                           substitute(*Spec.ResourceDir, Subst));

  std::vector<std::string> DriverCompilerArgs = CompilerArgs;
  bool HasResourceDir = false;
  for (const std::string &A : CompilerArgs)
    HasResourceDir |= llvm::StringRef(A).starts_with("-resource-dir");
  if (!T.ResourceDir.empty() && !HasResourceDir)
    DriverCompilerArgs.insert(DriverCompilerArgs.begin(),
                              "-resource-dir=" + T.ResourceDir);

  std::vector<std::string> Argv{D.Program};
  Argv.insert(Argv.end(), D.LeadingArgs.begin(), D.LeadingArgs.end());
  Argv.push_back(TempFile);
  Argv.push_back("-fix");
  Argv.push_back("--checks=-*," + substitute(Spec.CheckName, Subst));
  Argv.insert(Argv.end(), TidyArgs.begin(), TidyArgs.end());
  Argv.push_back("--");
  Argv.insert(Argv.end(), DriverCompilerArgs.begin(),
              DriverCompilerArgs.end());

  ProcessResult Tidy = runProcess(Argv, TempFile + ".out", T.TimeoutSeconds);
  R.Context += section("driver (" + D.Name + ")", "$ " + shellJoin(Argv));
  R.Context += section("driver output", Tidy.Output);

  std::string Fixed;
  readFile(TempFile, Fixed);
  if (!T.Diff.empty()) {
    ProcessResult DiffRun = runProcess({T.Diff, "-u", OrigFile, TempFile},
                                       TempFile + ".diff", T.TimeoutSeconds);
    R.Context += section("fixes (diff -u)", DiffRun.Output.empty()
                                                ? "(none)\n"
                                                : DiffRun.Output);
  }
  R.Context += section("temporary files", Dir + "\n");

  if (Tidy.ExecFailed || Tidy.Crashed || Tidy.TimedOut) {
    Fail("the driver " + Tidy.describe());
    return R;
  }

  std::vector<std::string> Errors = grepLines(Tidy.Output, errorRe());
  if (Spec.ExpectClangTidyError) {
    if (Tidy.ExitCode == 0)
      Fail("-expect-clang-tidy-error is given, but the driver exited with "
           "status 0");
  } else if (Tidy.ExitCode != 0 || !Errors.empty()) {
    Fail("the driver " + Tidy.describe() +
             (Errors.empty() ? std::string()
                             : " and reported errors (does the test file "
                               "compile? if errors are expected, add "
                               "-expect-clang-tidy-error):"),
         indent(Errors));
  }

  // -fix applies fixes wherever it warns: a fix outside the temporary copy
  // (a header next to the test file, with a --header-filter that lets its
  // warnings through) has rewritten a file of the source tree.
  {
    static const std::regex FixRe(R"(^(.+?):[0-9]+:[0-9]+: note: FIX-IT applied)");
    std::vector<std::string> Outside;
    for (const std::string &L : splitLines(Tidy.Output)) {
      std::smatch M;
      if (std::regex_search(L, M, FixRe) && M[1].str() != TempFile &&
          !llvm::StringRef(M[1].str()).starts_with(Dir + "/"))
        Outside.push_back(L);
    }
    if (!Outside.empty())
      Fail("the driver applied fixes outside the temporary copy of the test "
           "file (check that no source file was modified; include mock "
           "headers with -isystem, or narrow the --header-filter):",
           indent(Outside));
  }

  auto RunFileCheck = [&](const std::string &What, const std::string &Input,
                          std::vector<std::string> Prefixes,
                          std::vector<std::string> Flags) {
    std::string Joined;
    for (const std::string &Pfx : Prefixes)
      Joined += (Joined.empty() ? "" : ",") + Pfx;
    std::vector<std::string> FCArgv{T.FileCheck, "--input-file=" + Input,
                                    TestFile, "--check-prefixes=" + Joined};
    FCArgv.insert(FCArgv.end(), Flags.begin(), Flags.end());
    ProcessResult FC =
        runProcess(FCArgv, Input + ".filecheck", T.TimeoutSeconds);
    if (!FC.ok())
      Fail("FileCheck of the " + What + " failed (" + FC.describe() + "):",
           "$ " + shellJoin(FCArgv) + "\n" + FC.Output);
  };

  const std::vector<std::string> Diagnostics =
      grepLines(Tidy.Output, diagnosticRe());
  if (P.ExpectNoDiagnosis) {
    if (!Diagnostics.empty())
      Fail("no diagnostics were expected (the test file has no "
           "CHECK-MESSAGES, CHECK-NOTES or CHECK-FIXES lines for this run), "
           "but the driver reported:",
           indent(Diagnostics));
    if (Fixed != Cleaned)
      Fail("no fixes were expected, but the driver changed the file (see "
           "the diff below)");
  } else {
    if (!P.Fixes.empty()) {
      RunFileCheck("fixed file", TempFile, P.Fixes,
                   {Spec.MatchPartialFixes ? "--strict-whitespace"
                                           : "--match-full-lines"});
    } else if (Fixed != Cleaned) {
      Fail("the test file has no CHECK-FIXES lines for this run, but the "
           "driver changed the file (see the diff below)");
    }
    if (!P.Messages.empty()) {
      const std::string MsgFile = TempFile + ".msg";
      writeFile(MsgFile, Tidy.Output);
      RunFileCheck("messages", MsgFile, P.Messages,
                   {"--implicit-check-not={{warning|error}}:"});
    }
    if (!P.Notes.empty()) {
      std::vector<std::string> Kept;
      for (const std::string &L : splitLines(Tidy.Output))
        if (L.find("note: FIX-IT applied") == std::string::npos)
          Kept.push_back(L);
      const std::string NotesFile = TempFile + ".notes";
      writeFile(NotesFile, joinLines(Kept));
      RunFileCheck("notes", NotesFile, P.Notes,
                   {"--implicit-check-not={{note|warning|error}}:"});
    }
    if (P.Messages.empty() && P.Notes.empty() && !Diagnostics.empty())
      Fail("the test file has no CHECK-MESSAGES or CHECK-NOTES lines for this "
           "run, so no diagnostics are allowed, but the driver reported:",
           indent(Diagnostics));
  }

  // Every fixed test file must still compile (unless it is meant not to).
  if (!Spec.ExpectClangTidyError) {
    std::vector<std::string> CCArgv{T.ClangXX, "-fsyntax-only"};
    if (Ext == ".c")
      CCArgv.insert(CCArgv.end(), {"-x", "c"});
    CCArgv.insert(CCArgv.end(), CompilerArgs.begin(), CompilerArgs.end());
    CCArgv.push_back(TempFile);
    ProcessResult CC =
        runProcess(CCArgv, TempFile + ".compile", T.TimeoutSeconds);
    if (!CC.ok())
      Fail("the fixed file does not compile (compiler " + CC.describe() +
               "):",
           "$ " + shellJoin(CCArgv) + "\n" + CC.Output);
  }

  if (R.ok() && !T.KeepTemps) {
    llvm::sys::fs::remove_directories(Dir);
    R.TempDir.clear();
  }
  return R;
}

} // namespace highwater::harness
