//===- CheckTest.cpp - GoogleTest front end of the check-test harness -----===//
//
// One test per (annotated file in HIGHWATER_CHECKERS_DIR) x (driver) x (RUN
// line [x -std value]), discovered when the executable starts, so that
// `gtest_discover_tests(... DISCOVERY_MODE PRE_TEST)` sees new files without a
// rebuild. Names: Checkers/CheckTest.Run/<file>__<driver>__run<N>[_<std>].
//
// Configuration: compile definitions, each overridable by the environment
// variable of the same name (an empty value disables a driver):
//   HIGHWATER_TIDY          our clang-tidy driver with the checks linked in
//   CLANG_TIDY, HIGHWATER_PLUGIN
//                           stock clang-tidy + our plugin (--load=<plugin>)
//   HIGHWATER_CHECKERS_DIR  directory of the annotated test files
//   HIGHWATER_FILECHECK, HIGHWATER_CLANGXX, HIGHWATER_RESOURCE_DIR
// and, environment only: HIGHWATER_CHECK_TIMEOUT (seconds per process,
// default 120), HIGHWATER_KEEP_TEMPS (keep temporary files of passing runs).
//
//===----------------------------------------------------------------------===//

#include "CheckRunner.h"
#include "RunLine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#ifndef HIGHWATER_TIDY
#define HIGHWATER_TIDY ""
#endif
#ifndef CLANG_TIDY
#define CLANG_TIDY ""
#endif
#ifndef HIGHWATER_PLUGIN
#define HIGHWATER_PLUGIN ""
#endif
#ifndef HIGHWATER_CHECKERS_DIR
#define HIGHWATER_CHECKERS_DIR ""
#endif
#ifndef HIGHWATER_FILECHECK
#define HIGHWATER_FILECHECK "FileCheck"
#endif
#ifndef HIGHWATER_CLANGXX
#define HIGHWATER_CLANGXX "clang++"
#endif
#ifndef HIGHWATER_RESOURCE_DIR
#define HIGHWATER_RESOURCE_DIR ""
#endif

namespace fs = std::filesystem;
using namespace highwater::harness;

namespace {

std::string setting(const char *EnvName, const char *Default) {
  if (const char *V = std::getenv(EnvName))
    return V;
  return Default;
}

std::string checkersDir() {
  return setting("HIGHWATER_CHECKERS_DIR", HIGHWATER_CHECKERS_DIR);
}

// A name that does not resolve is kept as it is, so that the failure
// message shows it.
std::string program(const std::string &NameOrPath) {
  std::string P = resolveProgram(NameOrPath);
  return P.empty() ? NameOrPath : P;
}

std::vector<Driver> configuredDrivers() {
  std::vector<Driver> Drivers;
  std::string Tidy = setting("HIGHWATER_TIDY", HIGHWATER_TIDY);
  if (!Tidy.empty())
    Drivers.push_back({"highwater_tidy", program(Tidy), {}});
  std::string ClangTidy = setting("CLANG_TIDY", CLANG_TIDY);
  std::string Plugin = setting("HIGHWATER_PLUGIN", HIGHWATER_PLUGIN);
  if (!ClangTidy.empty() && !Plugin.empty())
    Drivers.push_back(
        {"clang_tidy_plugin", program(ClangTidy), {"--load=" + Plugin}});
  return Drivers;
}

Tools configuredTools() {
  Tools T;
  T.FileCheck = program(setting("HIGHWATER_FILECHECK", HIGHWATER_FILECHECK));
  T.ClangXX = program(setting("HIGHWATER_CLANGXX", HIGHWATER_CLANGXX));
  T.Diff = resolveProgram("diff");
  T.ResourceDir = setting("HIGHWATER_RESOURCE_DIR", HIGHWATER_RESOURCE_DIR);
  if (const char *V = std::getenv("HIGHWATER_CHECK_TIMEOUT"))
    T.TimeoutSeconds = static_cast<unsigned>(std::max(1, std::atoi(V)));
  if (const char *V = std::getenv("HIGHWATER_KEEP_TEMPS"))
    T.KeepTemps = *V && std::string(V) != "0";
  return T;
}

bool isTestFile(const fs::path &P) {
  static const std::set<std::string> Exts = {".cpp", ".cc", ".cxx", ".c"};
  return Exts.count(P.extension().string()) != 0;
}

std::vector<std::string> testFiles() {
  std::vector<std::string> Files;
  std::error_code EC;
  fs::path Dir = checkersDir();
  if (Dir.empty() || !fs::is_directory(Dir, EC))
    return Files;
  for (const auto &E : fs::directory_iterator(Dir, EC))
    if (E.is_regular_file(EC) && isTestFile(E.path()))
      Files.push_back(fs::absolute(E.path()).lexically_normal().string());
  std::sort(Files.begin(), Files.end());
  return Files;
}

bool readText(const std::string &Path, std::string &Out) {
  std::ifstream In(Path, std::ios::binary);
  if (!In)
    return false;
  std::ostringstream SS;
  SS << In.rdbuf();
  Out = SS.str();
  return true;
}

struct CheckCase {
  std::string Name;
  std::string File;
  unsigned Line = 0; ///< Of the RUN line, for failure locations.
  std::string RunText;
  std::string SetupError; ///< The file or RUN line is malformed.
  std::string SkipReason;
  RunSpec Spec;
  std::optional<std::string> Std;
  Driver D;
};

// Keeps --gtest_list_tests short.
void PrintTo(const CheckCase &C, std::ostream *OS) { *OS << C.Name; }

std::vector<CheckCase> discoverCases() {
  std::vector<CheckCase> Cases;
  const std::vector<Driver> Drivers = configuredDrivers();
  for (const std::string &File : testFiles()) {
    const std::string Base = sanitizeName(fs::path(File).filename().string());
    CheckCase Proto;
    Proto.File = File;
    std::string Text, Error;
    std::vector<RunLine> Runs;
    if (!readText(File, Text))
      Proto.SetupError = "cannot read the file";
    else if (!extractRunLines(Text, Runs, Error))
      Proto.SetupError = Error;
    else if (Runs.empty())
      Proto.SetupError = "no '// RUN: %check_highwater ...' line";
    if (!Proto.SetupError.empty()) {
      Proto.Name = Base + "__invalid";
      Cases.push_back(Proto);
      continue;
    }
    if (Drivers.empty()) {
      Proto.Name = Base + "__no_driver";
      Proto.SkipReason = "no driver configured (HIGHWATER_TIDY, or "
                         "CLANG_TIDY with HIGHWATER_PLUGIN)";
      Cases.push_back(Proto);
      continue;
    }
    for (size_t I = 0; I < Runs.size(); ++I) {
      CheckCase Run = Proto;
      Run.Line = Runs[I].LineNumber;
      Run.RunText = Runs[I].Text;
      if (!parseRunLine(Runs[I].Text, Run.Spec, Error))
        Run.SetupError = "invalid RUN line: " + Error;
      for (const Driver &D : Drivers) {
        CheckCase C = Run;
        C.D = D;
        std::string Name = Base + "__" + D.Name + "__run" + std::to_string(I);
        if (C.SetupError.empty() && !C.Spec.Stds.empty()) {
          for (const std::string &Std : C.Spec.Stds) {
            CheckCase S = C;
            S.Std = Std;
            S.Name = Name + "_" + sanitizeName(Std);
            Cases.push_back(S);
          }
          continue;
        }
        C.Name = Name;
        Cases.push_back(C);
      }
    }
  }
  // GoogleTest insists on unique names ("a-b.cpp" vs "a_b.cpp").
  std::set<std::string> Seen;
  for (CheckCase &C : Cases) {
    std::string Name = C.Name;
    for (int K = 2; !Seen.insert(Name).second; ++K)
      Name = C.Name + "_" + std::to_string(K);
    C.Name = Name;
  }
  return Cases;
}

class CheckTest : public ::testing::TestWithParam<CheckCase> {};

TEST_P(CheckTest, Run) {
  const CheckCase &C = GetParam();
  if (!C.SkipReason.empty())
    GTEST_SKIP() << C.SkipReason;
  if (!C.SetupError.empty()) {
    ADD_FAILURE_AT(C.File.c_str(), C.Line ? C.Line : 1) << C.SetupError;
    return;
  }
  RunResult R = runCheck(C.File, C.Spec, C.Std, C.D, configuredTools());
  if (R.ok())
    return;
  std::string Msg = "RUN:" + C.RunText + "\n";
  if (C.Std)
    Msg += "(with -std=" + *C.Std + ")\n";
  for (const std::string &F : R.Failures)
    Msg += "\n==> " + F;
  Msg += "\n" + R.Context;
  ADD_FAILURE_AT(C.File.c_str(), C.Line) << Msg;
}

INSTANTIATE_TEST_SUITE_P(Checkers, CheckTest,
                         ::testing::ValuesIn(discoverCases()),
                         [](const ::testing::TestParamInfo<CheckCase> &I) {
                           return I.param.Name;
                         });
// The checkers directory may legitimately be empty.
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CheckTest);

// The configuration itself: fails loudly instead of silently running nothing.
TEST(CheckTestSetup, Configuration) {
  Tools T = configuredTools();
  std::error_code EC;
  EXPECT_TRUE(fs::exists(T.FileCheck, EC))
      << "FileCheck not found: '" << T.FileCheck << "'";
  EXPECT_TRUE(fs::exists(T.ClangXX, EC))
      << "clang++ not found: '" << T.ClangXX << "'";
  EXPECT_TRUE(fs::is_directory(checkersDir(), EC))
      << "HIGHWATER_CHECKERS_DIR is not a directory: '" << checkersDir()
      << "'";
  std::cout << "checkers directory: " << checkersDir() << " ("
            << testFiles().size() << " test files)\n";
  for (const Driver &D : configuredDrivers()) {
    std::cout << "driver " << D.Name << ": " << D.Program;
    for (const std::string &A : D.LeadingArgs)
      std::cout << " " << A;
    std::cout << "\n";
    EXPECT_TRUE(fs::exists(D.Program, EC))
        << "driver " << D.Name << " not found: " << D.Program;
    for (const std::string &A : D.LeadingArgs) {
      if (A.rfind("--load=", 0) == 0) {
        EXPECT_TRUE(fs::exists(A.substr(7), EC))
            << "plugin not found: " << A.substr(7);
      }
    }
  }
  if (configuredDrivers().empty())
    std::cout << "no driver configured: the check tests are skipped\n";
}

} // namespace
