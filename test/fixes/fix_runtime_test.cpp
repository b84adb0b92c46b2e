//===--- fix_runtime_test.cpp - fixes free what they should ---------------===//
//
// Each program under programs/ prints "retained" when the memory it watches
// is still held and "released" when it is not. The test runs it as written
// (it must print "retained": the finding is real), applies highwater-tidy's
// fixes for the checks named in its FIX-CHECKS line, and runs it again (it
// must print "released": the fix gives the memory back).
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "gtest/gtest.h"
#include <algorithm>
#include <string>
#include <vector>

namespace {

struct ProcessResult {
  int ExitCode = -1;
  std::string Output;
};

ProcessResult run(llvm::StringRef Program, std::vector<std::string> Args) {
  llvm::SmallString<128> OutPath;
  llvm::sys::fs::createTemporaryFile("highwater-fix", "out", OutPath);
  std::vector<llvm::StringRef> Argv{Program};
  for (const std::string &A : Args)
    Argv.push_back(A);
  std::optional<llvm::StringRef> Redirects[] = {std::nullopt, OutPath.str(),
                                                OutPath.str()};
  std::string Error;
  ProcessResult R;
  R.ExitCode = llvm::sys::ExecuteAndWait(Program, Argv, std::nullopt, Redirects,
                                         /*SecondsToWait=*/120, 0, &Error);
  if (auto Buffer = llvm::MemoryBuffer::getFile(OutPath))
    R.Output = (*Buffer)->getBuffer().str();
  R.Output += Error;
  llvm::sys::fs::remove(OutPath);
  return R;
}

std::vector<std::string> programs() {
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(HIGHWATER_FIX_PROGRAMS_DIR, EC), End;
       It != End && !EC; It.increment(EC))
    if (llvm::sys::path::extension(It->path()) == ".cpp")
      Files.push_back(It->path());
  std::sort(Files.begin(), Files.end());
  return Files;
}

std::string checksOf(llvm::StringRef Source) {
  size_t At = Source.find("FIX-CHECKS:");
  if (At == llvm::StringRef::npos)
    return "";
  return Source.substr(At + 11).split('\n').first.trim().str();
}

class FixRuntimeTest : public ::testing::TestWithParam<std::string> {};

TEST_P(FixRuntimeTest, FindingIsRealAndFixReleasesIt) {
  const std::string &Source = GetParam();
  auto Buffer = llvm::MemoryBuffer::getFile(Source);
  ASSERT_TRUE(bool(Buffer)) << Source;
  std::string Checks = checksOf((*Buffer)->getBuffer());
  ASSERT_FALSE(Checks.empty()) << "no FIX-CHECKS line in " << Source;

  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("highwater-fix", Dir));
  llvm::SmallString<128> Copy(Dir), Exe(Dir);
  llvm::sys::path::append(Copy, llvm::sys::path::filename(Source));
  llvm::sys::path::append(Exe, "program");
  ASSERT_FALSE(llvm::sys::fs::copy_file(Source, Copy));

  auto BuildAndRun = [&]() -> std::string {
    ProcessResult Compile = run(HIGHWATER_CLANGXX, {"-std=c++20", "-O0", "-o",
                                          std::string(Exe), std::string(Copy)});
    EXPECT_EQ(Compile.ExitCode, 0) << Compile.Output;
    if (Compile.ExitCode != 0)
      return "<does not compile>";
    return llvm::StringRef(run(Exe, {}).Output).trim().str();
  };

  EXPECT_EQ(BuildAndRun(), "retained") << "the program as written should show "
                                          "the retention the check reports";
  ProcessResult Tidy = run(HIGHWATER_TIDY, {std::string(Copy), "-fix", "-checks=-*," + Checks,
                                  "--", "-std=c++20"});
  ASSERT_EQ(Tidy.ExitCode, 0) << Tidy.Output;
  EXPECT_NE(Tidy.Output.find("warning:"), std::string::npos) << Tidy.Output;
  EXPECT_EQ(BuildAndRun(), "released") << "after highwater-tidy -fix:\n"
                                       << Tidy.Output;
  llvm::sys::fs::remove_directories(Dir);
}

std::string nameOf(const ::testing::TestParamInfo<std::string> &Info) {
  std::string Name = llvm::sys::path::stem(Info.param).str();
  for (char &C : Name)
    if (!isalnum(static_cast<unsigned char>(C)))
      C = '_';
  return Name;
}

INSTANTIATE_TEST_SUITE_P(Programs, FixRuntimeTest,
                         ::testing::ValuesIn(programs()), nameOf);

} // namespace
