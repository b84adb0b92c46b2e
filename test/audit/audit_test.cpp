//===--- audit_test.cpp - `highwater audit` end to end --------------------===//
//
// Each test copies test/audit/project to a temporary directory, writes its
// compile_commands.json there and runs the real `highwater` binary on it.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <algorithm>
#include <chrono>
#include <csignal>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

extern char **environ;

namespace {

using llvm::json::Array;
using llvm::json::Object;

struct ProcessResult {
  int ExitCode = -1;
  std::string Out, Err;
};

std::string readFile(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  return Buffer ? (*Buffer)->getBuffer().str() : "";
}

void writeFile(llvm::StringRef Path, llvm::StringRef Text) {
  std::error_code EC;
  llvm::raw_fd_ostream Out(Path, EC);
  ASSERT_FALSE(EC) << Path.str();
  Out << Text;
}

ProcessResult run(llvm::StringRef Program, const std::vector<std::string> &Args,
                  llvm::StringRef WorkDir = "",
                  const std::vector<std::string> &ExtraEnv = {}) {
  llvm::SmallString<128> OutPath, ErrPath;
  llvm::sys::fs::createTemporaryFile("highwater-audit-test", "out", OutPath);
  llvm::sys::fs::createTemporaryFile("highwater-audit-test", "err", ErrPath);
  std::vector<std::string> Storage;
  std::vector<llvm::StringRef> Argv{Program};
  for (const std::string &A : Args)
    Argv.push_back(A);
  std::vector<llvm::StringRef> Env;
  for (char **E = environ; *E; ++E)
    Env.push_back(*E);
  for (const std::string &E : ExtraEnv)
    Env.push_back(E);
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""), OutPath.str(),
                                                ErrPath.str()};
  // Programs run in WorkDir through `sh -c 'cd DIR && exec ...'`: LLVM's
  // ExecuteAndWait has no working-directory parameter.
  ProcessResult R;
  std::string Error;
  if (WorkDir.empty()) {
    R.ExitCode = llvm::sys::ExecuteAndWait(Program, Argv, Env, Redirects, 300,
                                           0, &Error);
  } else {
    std::string Script = "cd '" + WorkDir.str() + "' && exec \"$@\"";
    std::vector<llvm::StringRef> ShArgv{"/bin/sh", "-c", Script, "sh"};
    ShArgv.insert(ShArgv.end(), Argv.begin(), Argv.end());
    R.ExitCode = llvm::sys::ExecuteAndWait("/bin/sh", ShArgv, Env, Redirects,
                                           300, 0, &Error);
  }
  R.Out = readFile(OutPath);
  R.Err = readFile(ErrPath) + Error;
  llvm::sys::fs::remove(OutPath);
  llvm::sys::fs::remove(ErrPath);
  return R;
}

const char *const Sources[] = {"src/sessions.cpp", "src/batcher.cpp",
                               "src/quiet.cpp", "src/broken.cpp"};

/// A copy of the test project with its compilation database.
class Project {
public:
  Project() {
    llvm::sys::fs::createUniqueDirectory("highwater-audit-project", Root);
    llvm::SmallString<256> Real;
    llvm::sys::fs::real_path(Root, Real);
    Root = Real;
    copyTree(HIGHWATER_AUDIT_PROJECT_DIR, Root);
    writeDatabase(std::vector<std::string>(std::begin(Sources), std::end(Sources)));
  }
  ~Project() { llvm::sys::fs::remove_directories(Root); }

  std::string path(llvm::StringRef Relative) const {
    llvm::SmallString<256> P(Root);
    llvm::sys::path::append(P, Relative);
    return std::string(P);
  }

  void writeDatabase(const std::vector<std::string> &Files) {
    Array Entries;
    for (const std::string &File : Files)
      Entries.push_back(Object{
          {"directory", std::string(Root)},
          {"file", path(File)},
          {"arguments", Array{HIGHWATER_CLANGXX, "-std=c++17", "-I",
                              path("include"), "-c", File, "-o",
                              llvm::sys::path::stem(File).str() + ".o"}}});
    std::string Text;
    llvm::raw_string_ostream(Text) << llvm::json::Value(std::move(Entries));
    writeFile(path("compile_commands.json"), Text);
  }

  /// `highwater audit -p <project> ARGS...` run in the project directory.
  ProcessResult audit(std::vector<std::string> Args,
                      const std::vector<std::string> &Env = {}) const {
    Args.insert(Args.begin(), {"audit", "-p", std::string(Root), "-j", "2",
                               "--quiet"});
    return run(HIGHWATER_AUDIT_BIN, Args, Root, Env);
  }

  llvm::SmallString<256> Root;

private:
  static void copyTree(llvm::StringRef From, llvm::StringRef To) {
    std::error_code EC;
    for (llvm::sys::fs::recursive_directory_iterator It(From, EC), End;
         It != End && !EC; It.increment(EC)) {
      llvm::StringRef Relative = llvm::StringRef(It->path()).drop_front(From.size());
      llvm::SmallString<256> Target(To);
      llvm::sys::path::append(Target, Relative);
      if (It->type() == llvm::sys::fs::file_type::directory_file)
        llvm::sys::fs::create_directories(Target);
      else
        llvm::sys::fs::copy_file(It->path(), Target);
    }
  }
};

struct ParsedReport {
  std::vector<std::string> Findings; // "check file:line"
  std::vector<std::string> Fingerprints;
  std::vector<std::string> Failures; // relative file paths
  const Object *Stats = nullptr;
  llvm::json::Value Whole = nullptr;
};

ParsedReport parseJSONReport(llvm::StringRef Text, llvm::StringRef Root) {
  ParsedReport R;
  auto V = llvm::json::parse(Text);
  if (!V) {
    ADD_FAILURE() << "not JSON: " << llvm::toString(V.takeError()) << "\n" << Text.str();
    return R;
  }
  R.Whole = std::move(*V);
  const Object *O = R.Whole.getAsObject();
  EXPECT_TRUE(O);
  if (!O)
    return R;
  R.Stats = O->getObject("stats");
  auto Relative = [&](llvm::StringRef Path) {
    Path.consume_front(Root);
    Path.consume_front("/");
    return Path.str();
  };
  for (const llvm::json::Value &F : *O->getArray("findings")) {
    const Object *Finding = F.getAsObject();
    R.Findings.push_back(Finding->getString("check")->str() + " " +
                         Relative(*Finding->getString("file")) + ":" +
                         std::to_string(*Finding->getInteger("line")));
    R.Fingerprints.push_back(Finding->getString("fingerprint")->str());
  }
  for (const llvm::json::Value &F : *O->getArray("failures"))
    R.Failures.push_back(Relative(*F.getAsObject()->getString("file")));
  return R;
}

int64_t stat(const ParsedReport &R, llvm::StringRef Key) {
  return R.Stats ? R.Stats->getInteger(Key).value_or(-1) : -1;
}

const std::vector<std::string> ExpectedFindings = {
    "highwater-erase-all-loop include/shared_index.h:10",
    "highwater-truncate-without-shrink src/batcher.cpp:18",
    "highwater-erase-all-loop src/sessions.cpp:13",
};

std::vector<std::string> sorted(std::vector<std::string> V) {
  std::sort(V.begin(), V.end());
  return V;
}

TEST(Audit, FindsEachFindingOnceHonoursNolintAndReportsTheBrokenTU) {
  Project P;
  ProcessResult R = P.audit({"--format", "json"});
  EXPECT_EQ(R.ExitCode, 3) << R.Err;
  ParsedReport Report = parseJSONReport(R.Out, P.Root);
  // The header's finding comes from two TUs and is listed once; quiet.cpp's
  // finding is NOLINT'd.
  EXPECT_EQ(sorted(Report.Findings), sorted(ExpectedFindings));
  ASSERT_EQ(Report.Failures.size(), 1u);
  EXPECT_EQ(Report.Failures[0], "src/broken.cpp");
  EXPECT_NE(R.Out.find("does not compile"), std::string::npos);
  EXPECT_EQ(stat(Report, "tus_selected"), 4);
  EXPECT_EQ(stat(Report, "tus_analysed"), 4);
}

TEST(Audit, ExitCodes) {
  Project P;
  EXPECT_EQ(P.audit({"--allow-failures"}).ExitCode, 1);
  EXPECT_EQ(P.audit({"src/quiet.cpp"}).ExitCode, 0);
  EXPECT_EQ(P.audit({"src/sessions.cpp"}).ExitCode, 1);
  EXPECT_EQ(P.audit({"src/broken.cpp"}).ExitCode, 3);
  // A regex selects TUs too.
  EXPECT_EQ(P.audit({".*/(quiet|sessions)\\.cpp"}).ExitCode, 1);
}

TEST(Audit, BadInputIsOneLineAndExitTwoWithNothingWritten) {
  Project P;
  std::string Out = P.path("report.json");
  auto ExpectUsageError = [&](std::vector<std::string> Args,
                              llvm::StringRef Expected) {
    Args.insert(Args.end(), {"--format", "json", "-o", Out});
    ProcessResult R = run(HIGHWATER_AUDIT_BIN, Args, P.Root);
    EXPECT_EQ(R.ExitCode, 2) << R.Err;
    EXPECT_EQ(std::count(R.Err.begin(), R.Err.end(), '\n'), 1) << R.Err;
    EXPECT_NE(R.Err.find(Expected.str()), std::string::npos) << R.Err;
    EXPECT_FALSE(llvm::sys::fs::exists(Out));
  };
  std::string Root(P.Root);
  ExpectUsageError({"audit", "-p", P.path("include")}, "no compile_commands.json in");
  ExpectUsageError({"audit", "-p", P.path("nowhere.json")}, "does not exist");
  writeFile(P.path("bad.json"), "[{\"directory\": ");
  ExpectUsageError({"audit", "-p", P.path("bad.json")}, "cannot read compilation database");
  ExpectUsageError({"audit", "-p", Root, "src/missing.cpp"},
                   "path 'src/missing.cpp' does not exist");
  ExpectUsageError({"audit", "-p", Root, "-j", "zero"}, "-j needs a positive number");
  ExpectUsageError({"audit", "-p", Root, "--shard", "3/2"}, "--shard must be I/N");
  ExpectUsageError({"audit", "-p", Root, "--baseline", P.path("none.json")},
                   "cannot read baseline");
  ExpectUsageError({"audit", "-p", Root, "--checks", "-*"}, "no checks are enabled");
  ExpectUsageError({"audit", "-p", Root, "--checks", "-*,highwater-erase-all-lop"},
                   "--checks: 'highwater-erase-all-lop' names no check");
  ExpectUsageError({"audit", "-p", Root, "--cache", P.path("src/quiet.cpp")},
                   "is a file, not a directory");
  ExpectUsageError({"audit", "-p", Root, "--frobnicate"}, "unknown option");
  std::string Config = readFile(P.path(".clang-tidy"));
  writeFile(P.path(".clang-tidy"), "Checks: [unclosed\n");
  ExpectUsageError({"audit", "-p", Root}, "is not a valid clang-tidy configuration");
  writeFile(P.path(".clang-tidy"), Config);
  ProcessResult R = run(HIGHWATER_AUDIT_BIN,
                        {"audit", "-p", Root, "--format", "yaml"}, P.Root);
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_NE(R.Err.find("--format must be text, json or sarif"), std::string::npos);
  R = run(HIGHWATER_AUDIT_BIN,
          {"audit", "-p", Root, "-o", P.path("no/such/dir/r.json")}, P.Root);
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_NE(R.Err.find("does not exist"), std::string::npos) << R.Err;
}

TEST(Audit, ClangTidyFilesAndChecksOptionChooseTheChecks) {
  Project P;
  writeFile(P.path(".clang-tidy"), "Checks: '-*,highwater-erase-all-loop'\n");
  ParsedReport Report = parseJSONReport(
      P.audit({"--format", "json", "--allow-failures"}).Out, P.Root);
  EXPECT_EQ(sorted(Report.Findings),
            sorted({ExpectedFindings[0], ExpectedFindings[2]}));
  // --checks comes after .clang-tidy.
  Report = parseJSONReport(
      P.audit({"--format", "json", "--allow-failures", "--checks",
               "-highwater-erase-all-loop,highwater-truncate-without-shrink"})
          .Out,
      P.Root);
  EXPECT_EQ(Report.Findings, std::vector<std::string>{ExpectedFindings[1]});

  // CheckOptions reach the highwater checks: Batcher's items are 16 bytes.
  writeFile(P.path(".clang-tidy"),
            "Checks: '-*,highwater-*'\n"
            "CheckOptions:\n"
            "  highwater-truncate-without-shrink.MinRetainedSlotBytes: 32\n");
  Report = parseJSONReport(
      P.audit({"--format", "json", "--allow-failures"}).Out, P.Root);
  EXPECT_EQ(sorted(Report.Findings),
            sorted({ExpectedFindings[0], ExpectedFindings[2]}));
}

TEST(Audit, TextReportHasExcerptsAndSummaryToStderr) {
  Project P;
  ProcessResult R = run(HIGHWATER_AUDIT_BIN,
                        {"audit", "-p", std::string(P.Root), "-j", "2"}, P.Root);
  EXPECT_EQ(R.ExitCode, 3);
  EXPECT_NE(R.Out.find("src/sessions.cpp:13:5: warning: 'Sessions' (a data "
                       "member of 'SessionTable') is emptied one element at a time"),
            std::string::npos)
      << R.Out;
  EXPECT_NE(R.Out.find("   13 |     while (!Sessions.empty())\n"), std::string::npos)
      << R.Out;
  EXPECT_NE(R.Err.find("3 findings in 4 translation units"), std::string::npos) << R.Err;
  EXPECT_NE(R.Err.find("findings per check"), std::string::npos);
  EXPECT_NE(R.Err.find("largest retained slots"), std::string::npos);
  EXPECT_NE(R.Err.find("src/broken.cpp: does not compile"), std::string::npos);
  // Not a terminal: plain progress lines, not a bar.
  EXPECT_NE(R.Err.find("highwater: auditing 4/4 TUs"), std::string::npos) << R.Err;
  EXPECT_EQ(R.Err.find('\r'), std::string::npos);
}

TEST(Audit, OutputFileGetsTheChosenFormat) {
  Project P;
  std::string Out = P.path("out.json");
  ProcessResult R = P.audit({"--format", "json", "-o", Out});
  EXPECT_EQ(R.ExitCode, 3);
  EXPECT_TRUE(R.Out.empty());
  EXPECT_EQ(sorted(parseJSONReport(readFile(Out), P.Root).Findings),
            sorted(ExpectedFindings));
}

TEST(Audit, CrashInOneTUIsReportedAndTheOthersKept) {
  Project P;
  ProcessResult R = P.audit({"--format", "json"},
                            {"HIGHWATER_AUDIT_TEST_CRASH_ON=sessions\\.cpp$"});
  EXPECT_EQ(R.ExitCode, 3);
  ParsedReport Report = parseJSONReport(R.Out, P.Root);
  EXPECT_EQ(sorted(Report.Failures),
            sorted({"src/broken.cpp", "src/sessions.cpp"}));
  EXPECT_NE(R.Out.find("the analysis crashed"), std::string::npos) << R.Out;
  // batcher.cpp still reports its own finding and the header's.
  EXPECT_EQ(sorted(Report.Findings),
            sorted({ExpectedFindings[0], ExpectedFindings[1]}));
}

// The timeout leaves room for the other TUs on a loaded machine.
TEST(Audit, TUPastTheTimeoutIsStoppedAndReported) {
  Project P;
  auto Start = std::chrono::steady_clock::now();
  ProcessResult R = P.audit({"--format", "json", "--timeout", "10"},
                            {"HIGHWATER_AUDIT_TEST_HANG_ON=batcher\\.cpp$"});
  EXPECT_LT(std::chrono::steady_clock::now() - Start, std::chrono::seconds(60));
  EXPECT_EQ(R.ExitCode, 3);
  EXPECT_NE(R.Out.find("timed out after 10 s"), std::string::npos) << R.Out;
  ParsedReport Report = parseJSONReport(R.Out, P.Root);
  EXPECT_EQ(sorted(Report.Failures), sorted({"src/batcher.cpp", "src/broken.cpp"}));
  EXPECT_EQ(sorted(Report.Findings),
            sorted({ExpectedFindings[0], ExpectedFindings[2]}));
}

TEST(Audit, SarifHasRulesLocationsFixesAndFingerprints) {
  Project P;
  std::string Sarif = P.path("report.sarif");
  ASSERT_EQ(P.audit({"--format", "sarif", "-o", Sarif}).ExitCode, 3);
  auto V = llvm::json::parse(readFile(Sarif));
  ASSERT_TRUE(bool(V));
  const Object &Run = *(*V->getAsObject()->getArray("runs"))[0].getAsObject();
  const Object &Driver = *Run.getObject("tool")->getObject("driver");
  EXPECT_EQ(Driver.getString("name"), llvm::StringRef("highwater"));
  std::set<std::string> RuleIds;
  for (const llvm::json::Value &Rule : *Driver.getArray("rules")) {
    RuleIds.insert(Rule.getAsObject()->getString("id")->str());
    EXPECT_NE(Rule.getAsObject()->getObject("help")->getString("markdown")->find("## "),
              llvm::StringRef::npos);
  }
  EXPECT_TRUE(RuleIds.count("highwater-erase-all-loop"));
  const Array &Results = *Run.getArray("results");
  ASSERT_EQ(Results.size(), 3u);
  for (const llvm::json::Value &Result : Results) {
    const Object &O = *Result.getAsObject();
    const Object &Location = *(*O.getArray("locations"))[0].getAsObject()->getObject(
        "physicalLocation");
    EXPECT_EQ(Location.getObject("artifactLocation")->getString("uriBaseId"),
              llvm::StringRef("%SRCROOT%"));
    EXPECT_FALSE(Location.getObject("artifactLocation")->getString("uri")->starts_with("/"));
    EXPECT_TRUE(O.getObject("partialFingerprints"));
    EXPECT_TRUE(O.getArray("fixes"));
  }

  if (llvm::StringRef(HIGHWATER_SARIF_MULTITOOL).empty() ||
      !llvm::sys::fs::can_execute(HIGHWATER_SARIF_MULTITOOL))
    GTEST_SKIP() << "Sarif.Multitool not installed (scripts/install-deps.sh installs it)";
  auto Validate = [&](const std::string &File) {
    ProcessResult Check = run(HIGHWATER_SARIF_MULTITOOL,
                              {"validate", File, "-o", File + ".validation",
                               "--log", "ForceOverwrite"});
    EXPECT_EQ(Check.ExitCode, 0) << Check.Out << Check.Err;
    EXPECT_EQ(Check.Out.find("): error "), std::string::npos) << Check.Out;
    EXPECT_EQ(Check.Out.find("): warning "), std::string::npos) << Check.Out;
    EXPECT_NE(Check.Out.find("Analysis completed successfully"), std::string::npos)
        << Check.Out;
  };
  Validate(Sarif);
  // With the root below the header, its finding has an absolute URI, and
  // other clang-tidy checks get rules of their own.
  std::string Other = P.path("other.sarif");
  P.audit({"--format", "sarif", "-o", Other, "--root", P.path("src"), "--checks",
           "highwater-*,readability-container-size-empty"});
  EXPECT_NE(readFile(Other).find("\"uri\": \"file://" + P.path("include/shared_index.h")),
            std::string::npos);
  Validate(Other);
}

TEST(Audit, BaselineAcceptsOldFindingsAndSurvivesLinesInsertedAbove) {
  Project P;
  std::string Baseline = P.path("baseline.json");
  EXPECT_EQ(P.audit({"--allow-failures", "--write-baseline", Baseline}).ExitCode, 0);
  EXPECT_EQ(P.audit({"--allow-failures", "--baseline", Baseline}).ExitCode, 0);
  std::vector<std::string> Before = sorted(
      parseJSONReport(P.audit({"--format", "json"}).Out, P.Root).Fingerprints);

  // Lines inserted above and a finding's line reindented: same fingerprints.
  std::string Sessions = readFile(P.path("src/sessions.cpp"));
  Sessions = "// A comment.\n\n// Another.\n" + Sessions;
  size_t At = Sessions.find("    while (!Sessions.empty())");
  ASSERT_NE(At, std::string::npos);
  Sessions.replace(At, 4, "      ");
  writeFile(P.path("src/sessions.cpp"), Sessions);
  ParsedReport After = parseJSONReport(P.audit({"--format", "json"}).Out, P.Root);
  EXPECT_EQ(sorted(After.Fingerprints), Before);
  EXPECT_NE(std::find(After.Findings.begin(), After.Findings.end(),
                      "highwater-erase-all-loop src/sessions.cpp:16"),
            After.Findings.end());
  EXPECT_EQ(P.audit({"--allow-failures", "--baseline", Baseline}).ExitCode, 0);

  // A new finding fails the gate, and is the only one reported.
  std::string Batcher = readFile(P.path("src/batcher.cpp"));
  At = Batcher.find("  void flush()");
  Batcher.insert(At, "  void drop() {\n    while (!Items.empty())\n      Items.pop_back();\n  }\n");
  writeFile(P.path("src/batcher.cpp"), Batcher);
  ProcessResult R = P.audit({"--allow-failures", "--baseline", Baseline,
                             "--format", "json"});
  EXPECT_EQ(R.ExitCode, 1);
  ParsedReport New = parseJSONReport(R.Out, P.Root);
  EXPECT_EQ(New.Findings,
            std::vector<std::string>{"highwater-erase-all-loop src/batcher.cpp:19"});
  EXPECT_EQ(stat(New, "findings_in_baseline"), 3);
}

TEST(Audit, ShardsMergeIntoTheUnshardedReport) {
  Project P;
  std::string Whole = P.path("whole.json"), A = P.path("a.json"),
              B = P.path("b.json"), Merged = P.path("merged.json");
  P.audit({"--format", "json", "-o", Whole});
  P.audit({"--format", "json", "-o", A, "--shard", "1/2"});
  P.audit({"--format", "json", "-o", B, "--shard", "2/2"});
  ParsedReport ShardA = parseJSONReport(readFile(A), P.Root);
  ParsedReport ShardB = parseJSONReport(readFile(B), P.Root);
  EXPECT_EQ(stat(ShardA, "tus_selected") + stat(ShardB, "tus_selected"), 4);
  EXPECT_EQ(stat(ShardA, "tus_selected"), 2);
  ProcessResult R = run(HIGHWATER_AUDIT_BIN, {"merge", A, B, "-o", Merged});
  EXPECT_EQ(R.ExitCode, 3) << R.Err;
  ParsedReport Expected = parseJSONReport(readFile(Whole), P.Root);
  ParsedReport Got = parseJSONReport(readFile(Merged), P.Root);
  EXPECT_EQ(Got.Findings, Expected.Findings);
  EXPECT_EQ(Got.Fingerprints, Expected.Fingerprints);
  EXPECT_EQ(Got.Failures, Expected.Failures);
  EXPECT_EQ(stat(Got, "tus_selected"), 4);

  // SARIF shards merge the same way.
  std::string SA = P.path("a.sarif"), SB = P.path("b.sarif");
  P.audit({"--format", "sarif", "-o", SA, "--shard", "1/2"});
  P.audit({"--format", "sarif", "-o", SB, "--shard", "2/2"});
  R = run(HIGHWATER_AUDIT_BIN, {"merge", SA, SB, "--format", "json", "-o", Merged});
  Got = parseJSONReport(readFile(Merged), P.Root);
  EXPECT_EQ(Got.Findings, Expected.Findings);
  EXPECT_EQ(Got.Fingerprints, Expected.Fingerprints);
  EXPECT_EQ(Got.Failures, Expected.Failures);
}

TEST(Audit, CacheReanalysesExactlyTheTUsThatReadAChangedFile) {
  Project P;
  std::string Cache = P.path("cache");
  std::vector<std::string> Args = {"--format", "json", "--cache", Cache,
                                   "--allow-failures"};
  ParsedReport Cold = parseJSONReport(P.audit(Args).Out, P.Root);
  EXPECT_EQ(stat(Cold, "tus_analysed"), 4);
  EXPECT_EQ(stat(Cold, "tus_from_cache"), 0);

  // Only the TU that failed is analysed again: failures are not cached.
  ParsedReport Warm = parseJSONReport(P.audit(Args).Out, P.Root);
  EXPECT_EQ(stat(Warm, "tus_analysed"), 1);
  EXPECT_EQ(stat(Warm, "tus_from_cache"), 3);
  EXPECT_EQ(Warm.Findings, Cold.Findings);
  EXPECT_EQ(Warm.Fingerprints, Cold.Fingerprints);
  EXPECT_EQ(Warm.Failures, Cold.Failures);

  // The header two TUs include changes: those two are analysed again.
  std::string Header = readFile(P.path("include/shared_index.h"));
  writeFile(P.path("include/shared_index.h"), Header + "\n// touched\n");
  ParsedReport Touched = parseJSONReport(P.audit(Args).Out, P.Root);
  EXPECT_EQ(stat(Touched, "tus_analysed"), 3); // sessions, batcher, broken
  EXPECT_EQ(stat(Touched, "tus_from_cache"), 1); // quiet
  EXPECT_EQ(Touched.Findings, Cold.Findings);

  // A different check configuration is a different cache key.
  std::vector<std::string> Other = Args;
  Other.insert(Other.end(), {"--checks", "-highwater-retained-past-end"});
  EXPECT_EQ(stat(parseJSONReport(P.audit(Other).Out, P.Root), "tus_from_cache"), 0);
}

TEST(Audit, ChangedSinceAnalysesAffectedTUsAndReportsChangedLines) {
  Project P;
  auto Git = llvm::sys::findProgramByName("git");
  if (!Git)
    GTEST_SKIP() << "git not installed";
  auto G = [&](std::vector<std::string> Args) {
    Args.insert(Args.begin(), {"-c", "user.name=t", "-c", "user.email=t@t",
                               "-c", "commit.gpgsign=false"});
    ProcessResult R = run(*Git, Args, P.Root);
    EXPECT_EQ(R.ExitCode, 0) << R.Err;
  };
  G({"init", "-q"});
  G({"add", "-A"});
  G({"commit", "-q", "-m", "base"});

  // A new finding in batcher.cpp: only that TU is analysed, and only the
  // finding on the changed lines is reported (not flush()'s).
  std::string Batcher = readFile(P.path("src/batcher.cpp"));
  size_t At = Batcher.find("  void flush()");
  Batcher.insert(At, "  void drop() {\n    while (!Items.empty())\n      Items.pop_back();\n  }\n");
  writeFile(P.path("src/batcher.cpp"), Batcher);
  ProcessResult R = P.audit({"--format", "json", "--changed-since", "HEAD"});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  ParsedReport Report = parseJSONReport(R.Out, P.Root);
  EXPECT_EQ(Report.Findings,
            std::vector<std::string>{"highwater-erase-all-loop src/batcher.cpp:19"});
  EXPECT_EQ(stat(Report, "tus_analysed"), 1);
  EXPECT_EQ(stat(Report, "tus_unaffected"), 3);
  G({"checkout", "-q", "--", "src/batcher.cpp"});

  // A changed header brings in the TUs that include it.
  std::string Header = readFile(P.path("include/shared_index.h"));
  size_t Loop = Header.find("    for (auto It = Entries.begin()");
  ASSERT_NE(Loop, std::string::npos);
  Header.insert(Header.find('\n', Loop), " // changed");
  writeFile(P.path("include/shared_index.h"), Header);
  R = P.audit({"--format", "json", "--changed-since", "HEAD"});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  Report = parseJSONReport(R.Out, P.Root);
  EXPECT_EQ(stat(Report, "tus_analysed"), 2);
  EXPECT_EQ(Report.Findings, std::vector<std::string>{ExpectedFindings[0]});

  EXPECT_EQ(P.audit({"--changed-since", "no-such-revision"}).ExitCode, 2);
}

TEST(Audit, ExportedFixesApplyWithClangApplyReplacementsAndFixApplies) {
  Project P;
  std::string FixesDir = P.path("fixes");
  llvm::sys::fs::create_directories(FixesDir);
  std::string Fixes = FixesDir + "/fixes.yaml";
  ASSERT_EQ(P.audit({"--allow-failures", "--export-fixes", Fixes}).ExitCode, 1);
  std::string Yaml = readFile(Fixes);
  EXPECT_NE(Yaml.find("DiagnosticName:  highwater-erase-all-loop"), std::string::npos)
      << Yaml;
  ProcessResult Apply = run(HIGHWATER_CLANG_APPLY_REPLACEMENTS, {FixesDir});
  ASSERT_EQ(Apply.ExitCode, 0) << Apply.Err;
  EXPECT_NE(readFile(P.path("src/sessions.cpp"))
                .find("Sessions = std::unordered_map<int, Session>();"),
            std::string::npos)
      << readFile(P.path("src/sessions.cpp"));
  // The header's fix is in the file once, applied once.
  EXPECT_EQ(P.audit({"--allow-failures", "--checks", "-*,highwater-erase-all-loop"})
                .ExitCode,
            0);

  Project Q;
  ProcessResult R = Q.audit({"--allow-failures", "--fix"});
  EXPECT_EQ(R.ExitCode, 1);
  EXPECT_EQ(Q.audit({"--allow-failures", "--checks", "-*,highwater-erase-all-loop"})
                .ExitCode,
            0);
}

TEST(Audit, HtmlReportRendersInChromiumWithARowPerFinding) {
  Project P;
  std::string Html = P.path("report.html");
  ASSERT_EQ(P.audit({"--html", Html}).ExitCode, 3);
  std::string Page = readFile(Html);
  EXPECT_EQ(Page.find("<script src"), std::string::npos); // self-contained
  EXPECT_EQ(Page.find("<link"), std::string::npos);
  if (llvm::StringRef(HIGHWATER_CHROMIUM).empty())
    GTEST_SKIP() << "chromium not installed (scripts/install-deps.sh installs it)";
  ProcessResult R = run(HIGHWATER_CHROMIUM,
                        {"--headless", "--disable-gpu", "--no-sandbox",
                         "--enable-logging=stderr", "--v=0",
                         "--user-data-dir=" + P.path("chromium-profile"),
                         "--dump-dom", "file://" + Html});
  ASSERT_EQ(R.ExitCode, 0) << R.Err;
  size_t Rows = 0;
  for (size_t At = R.Out.find("<tr class=\"finding\""); At != std::string::npos;
       At = R.Out.find("<tr class=\"finding\"", At + 1))
    ++Rows;
  EXPECT_EQ(Rows, ExpectedFindings.size()) << R.Out;
  EXPECT_NE(R.Out.find("3 of 3 shown"), std::string::npos);
  EXPECT_NE(R.Out.find("<rect"), std::string::npos); // the charts were drawn
  EXPECT_NE(R.Out.find("Sessions = std::unordered_map&lt;int, Session&gt;();"),
            std::string::npos);
  // Each finding's code excerpt, the header's too.
  EXPECT_NE(R.Out.find("   10 |     for (auto It = Entries.begin(); It != Entries.end();)"),
            std::string::npos);
  EXPECT_NE(R.Out.find("   13 |     while (!Sessions.empty())"), std::string::npos);
  EXPECT_EQ(R.Err.find(":CONSOLE"), std::string::npos) << R.Err;
  EXPECT_EQ(R.Err.find("Uncaught"), std::string::npos) << R.Err;
}

TEST(Audit, InterruptKeepsTheCacheAndMarksTheReportPartial) {
  Project P;
  std::string Cache = P.path("cache"), Out = P.path("partial.json");
  std::vector<llvm::StringRef> Argv = {HIGHWATER_AUDIT_BIN, "audit", "-p",
                                       P.Root, "-j", "1", "--quiet",
                                       "--format", "json", "-o", Out,
                                       "--cache", Cache};
  llvm::sys::ProcessInfo PI =
      llvm::sys::ExecuteNoWait(HIGHWATER_AUDIT_BIN, Argv, std::nullopt);
  ASSERT_GT(PI.Pid, 0);
  // Interrupt once the first TU's result is in the cache.
  auto CacheEntries = [&] {
    size_t Count = 0;
    std::error_code EC;
    for (llvm::sys::fs::recursive_directory_iterator It(Cache, EC), End;
         It != End && !EC; It.increment(EC))
      if (llvm::StringRef(It->path()).ends_with(".json"))
        ++Count;
    return Count;
  };
  auto Deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (CacheEntries() == 0 && std::chrono::steady_clock::now() < Deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ::kill(PI.Pid, SIGINT);
  llvm::sys::ProcessInfo Done = llvm::sys::Wait(PI, std::nullopt);
  EXPECT_EQ(Done.ReturnCode, 3);
  ParsedReport Report = parseJSONReport(readFile(Out), P.Root);
  EXPECT_EQ(Report.Whole.getAsObject()->getBoolean("partial"), true);
  EXPECT_GT(stat(Report, "tus_not_run"), 0);
  size_t Kept = CacheEntries();
  EXPECT_GE(Kept, 1u);
  // What was kept is reused.
  ParsedReport Again = parseJSONReport(
      P.audit({"--format", "json", "--cache", Cache}).Out, P.Root);
  EXPECT_EQ(stat(Again, "tus_from_cache"), static_cast<int64_t>(Kept));
}

} // namespace
