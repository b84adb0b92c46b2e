//===- RunLineTest.cpp - Unit tests of the harness's own parsing ----------===//

#include "RunLine.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace highwater::harness;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {

std::vector<std::string> words(std::string_view Line) {
  std::vector<std::string> W;
  std::string Error;
  EXPECT_TRUE(tokenize(Line, W, Error)) << Error;
  return W;
}

std::string tokenizeError(std::string_view Line) {
  std::vector<std::string> W;
  std::string Error;
  EXPECT_FALSE(tokenize(Line, W, Error)) << "accepted: " << Line;
  return Error;
}

RunSpec parse(std::string_view Line) {
  RunSpec S;
  std::string Error;
  EXPECT_TRUE(parseRunLine(Line, S, Error)) << Error;
  return S;
}

std::string parseError(std::string_view Line) {
  RunSpec S;
  std::string Error;
  EXPECT_FALSE(parseRunLine(Line, S, Error)) << "accepted: " << Line;
  return Error;
}

// --- shell-style word splitting -------------------------------------------

TEST(Tokenize, SplitsOnAnyWhitespace) {
  EXPECT_THAT(words("  a \t b\tc  "), ElementsAre("a", "b", "c"));
  EXPECT_THAT(words(""), IsEmpty());
}

TEST(Tokenize, DoubleQuotesKeepSpacesAndAreRemoved) {
  EXPECT_THAT(
      words(R"(-config="{CheckOptions: {highwater-x.Min: 16}}" -std=c++20)"),
      ElementsAre("-config={CheckOptions: {highwater-x.Min: 16}}",
                  "-std=c++20"));
}

TEST(Tokenize, SingleQuotesAreLiteral) {
  EXPECT_THAT(words(R"('a "b" \n c' d)"), ElementsAre(R"(a "b" \n c)", "d"));
  EXPECT_THAT(words(R"(-implicit-check-not='{{warning|error}}:')"),
              ElementsAre("-implicit-check-not={{warning|error}}:"));
}

TEST(Tokenize, AdjacentQuotedPartsFormOneWord) {
  EXPECT_THAT(words(R"(-D'A B'"C D"e)"), ElementsAre("-DA BC De"));
  EXPECT_THAT(words(R"(x '' y)"), ElementsAre("x", "", "y"));
}

TEST(Tokenize, BackslashEscapes) {
  EXPECT_THAT(words(R"(a\ b)"), ElementsAre("a b"));
  EXPECT_THAT(words(R"("q\"q" "\\" "\n")"),
              ElementsAre("q\"q", "\\", "\\n")); // \n stays in "..."
}

TEST(Tokenize, RejectsUnterminatedQuotesAndShellSyntax) {
  EXPECT_NE(tokenizeError(R"(-config="{a: b})").find("double quote"),
            std::string::npos);
  EXPECT_NE(tokenizeError("'abc").find("single quote"), std::string::npos);
  EXPECT_NE(tokenizeError("a | FileCheck %s").find("'|'"), std::string::npos);
  tokenizeError("a > out");
  tokenizeError("a && b");
  tokenizeError("-I$HOME");
  tokenizeError(R"x("$(pwd)")x");
  // ... but not when quoted.
  EXPECT_THAT(words("'a | b' \"c > d\""), ElementsAre("a | b", "c > d"));
}

// --- RUN line parsing -------------------------------------------------------

TEST(ParseRunLine, SplitsAtTheFirstAndSecondDoubleDash) {
  RunSpec S = parse(
      R"( %check_highwater %s highwater-erase-all-loop %t -- -config="{CheckOptions: {highwater-erase-all-loop.MinRetainedSlotBytes: 16}}" -- -std=c++20 -I %S/Inputs)");
  EXPECT_EQ(S.InputFile, "%s");
  EXPECT_EQ(S.CheckName, "highwater-erase-all-loop");
  EXPECT_EQ(S.TempFile, "%t");
  EXPECT_THAT(S.CheckSuffixes, ElementsAre(""));
  EXPECT_THAT(S.TidyArgs,
              ElementsAre("-config={CheckOptions: "
                          "{highwater-erase-all-loop.MinRetainedSlotBytes: "
                          "16}}"));
  EXPECT_THAT(S.CompilerArgs, ElementsAre("-std=c++20", "-I", "%S/Inputs"));
  EXPECT_TRUE(S.hasConfigArg());
  EXPECT_FALSE(S.ExpectClangTidyError);
  EXPECT_THAT(S.Stds, IsEmpty());
}

TEST(ParseRunLine, MissingDoubleDashes) {
  RunSpec None = parse("%check_highwater %s highwater-x %t");
  EXPECT_THAT(None.TidyArgs, IsEmpty());
  EXPECT_THAT(None.CompilerArgs, IsEmpty());
  EXPECT_FALSE(None.hasConfigArg());

  // Only one --: everything after it is for clang-tidy.
  RunSpec One = parse("%check_highwater %s highwater-x %t -- --fix-notes");
  EXPECT_THAT(One.TidyArgs, ElementsAre("--fix-notes"));
  EXPECT_THAT(One.CompilerArgs, IsEmpty());

  // Empty clang-tidy section.
  RunSpec Empty = parse("%check_highwater %s highwater-x %t -- -- -std=c++17");
  EXPECT_THAT(Empty.TidyArgs, IsEmpty());
  EXPECT_THAT(Empty.CompilerArgs, ElementsAre("-std=c++17"));

  // A third -- belongs to the compiler arguments.
  RunSpec Three = parse("%check_highwater %s highwater-x %t -- -- -DA -- -DB");
  EXPECT_THAT(Three.CompilerArgs, ElementsAre("-DA", "--", "-DB"));

  // Without the first --, clang-tidy options are taken for harness options.
  EXPECT_NE(parseError("%check_highwater %s highwater-x %t -config={}")
                .find("unknown harness option '-config={}'"),
            std::string::npos);
  EXPECT_NE(parseError("%check_highwater %s highwater-x %t -std=c++17 -DX")
                .find("unknown harness option '-DX'"),
            std::string::npos);
}

TEST(ParseRunLine, CheckSuffixes) {
  EXPECT_THAT(parse("%check_highwater -check-suffix=AUDIT %s c %t -- --")
                  .CheckSuffixes,
              ElementsAre("AUDIT"));
  EXPECT_THAT(
      parse("%check_highwater -check-suffixes=A,B-2 %s c %t").CheckSuffixes,
      ElementsAre("A", "B-2"));
  // argparse style: separate value, --long form, after the positionals.
  EXPECT_THAT(parse("%check_highwater %s c %t --check-suffix X").CheckSuffixes,
              ElementsAre("X"));
  // An empty element selects the bare prefixes as well.
  EXPECT_THAT(parse("%check_highwater -check-suffixes=,A %s c %t").CheckSuffixes,
              ElementsAre("", "A"));
  EXPECT_NE(parseError("%check_highwater %s c %t -check-suffix")
                .find("needs a value"),
            std::string::npos);
  // The value is never taken from the other side of --.
  EXPECT_NE(parseError("%check_highwater %s c %t -check-suffix -- -x")
                .find("needs a value"),
            std::string::npos);
}

TEST(ParseRunLine, OtherHarnessOptions) {
  RunSpec S = parse("%check_highwater -expect-clang-tidy-error "
                    "-match-partial-fixes -std=c++20-or-later "
                    "-resource-dir=/r -assume-filename=x.hpp %s c %t");
  EXPECT_TRUE(S.ExpectClangTidyError);
  EXPECT_TRUE(S.MatchPartialFixes);
  EXPECT_THAT(S.Stds, ElementsAre("c++20", "c++23", "c++26"));
  EXPECT_EQ(S.ResourceDir, "/r");
  EXPECT_EQ(S.AssumeFilename, "x.hpp");
  EXPECT_THAT(parse("%check_highwater -std=c++14,c++20 %s c %t").Stds,
              ElementsAre("c++14", "c++20"));
  EXPECT_NE(parseError("%check_highwater -expect-clang-tidy-error=1 %s c %t")
                .find("takes no value"),
            std::string::npos);
}

TEST(ParseRunLine, PositionalArguments) {
  EXPECT_NE(parseError("%check_highwater %s highwater-x -- -x")
                .find("exactly three arguments"),
            std::string::npos);
  EXPECT_NE(parseError("%check_highwater %s a b %t").find("got 4"),
            std::string::npos);
  EXPECT_NE(parseError("%check_highwater other.cpp c %t").find("must be %s"),
            std::string::npos);
  EXPECT_NE(parseError("%check_highwater %s %t c").find("check name"),
            std::string::npos);
  EXPECT_NE(parseError("not %check_highwater %s c %t")
                .find("must start with %check_highwater"),
            std::string::npos);
  EXPECT_EQ(parse("%check_clang_tidy %s c %t").CheckName, "c");
  // Tokenizer errors come through.
  EXPECT_NE(parseError("%check_highwater %s c %t -- -config='{").find("quote"),
            std::string::npos);
}

TEST(RunSpec, ConfigDetection) {
  RunSpec S;
  for (const char *Arg : {"-config={}", "--config={}", "-config-file=x",
                          "--config-file=x"}) {
    S.TidyArgs = {"--fix-notes", Arg};
    EXPECT_TRUE(S.hasConfigArg()) << Arg;
  }
  S.TidyArgs = {"-configx=1", "--fix-notes"};
  EXPECT_FALSE(S.hasConfigArg());
}

TEST(ExpandStd, OrLater) {
  EXPECT_THAT(expandStd("c++17"), ElementsAre("c++17"));
  EXPECT_THAT(expandStd("c++17-or-later"),
              ElementsAre("c++17", "c++20", "c++23", "c++26"));
  EXPECT_THAT(expandStd("c++1z-or-later"),
              ElementsAre("c++1z", "c++20", "c++23", "c++26"));
  EXPECT_THAT(expandStd("c17-or-later"), ElementsAre("c17", "c23", "c2y"));
  EXPECT_THAT(expandStd("gnu++17-or-later"), ElementsAre("gnu++17-or-later"));
}

// --- RUN line extraction -----------------------------------------------------

TEST(ExtractRunLines, FindsRunLinesAndJoinsContinuations) {
  std::vector<RunLine> Runs;
  std::string Error;
  ASSERT_TRUE(extractRunLines("// RUN: %check_highwater %s a %t \\\n"
                              "// RUN:   -- -- -std=c++20\r\n"
                              "int x;\n"
                              "  //RUN: second\n"
                              "int y; // not a RUN: line\n",
                              Runs, Error))
      << Error;
  ASSERT_EQ(Runs.size(), 2u);
  EXPECT_EQ(Runs[0].LineNumber, 1u);
  EXPECT_EQ(Runs[0].Text, " %check_highwater %s a %t    -- -- -std=c++20");
  EXPECT_EQ(Runs[1].LineNumber, 4u);
  EXPECT_EQ(Runs[1].Text, " second");
}

TEST(ExtractRunLines, DanglingContinuationIsAnError) {
  std::vector<RunLine> Runs;
  std::string Error;
  EXPECT_FALSE(extractRunLines("// RUN: a \\\nint x;\n", Runs, Error));
  EXPECT_NE(Error.find("line 1"), std::string::npos);
}

// --- CHECK comments, prefixes ------------------------------------------------

TEST(RemoveCheckComments, KeepsLinesAndCode) {
  std::string In = "int a; // CHECK-MESSAGES: :[[@LINE]]:5: warning: x\n"
                   "  //CHECK-FIXES-AUDIT: int b;\n"
                   "// CHECK-MESSAGES-NOT: y\n"
                   "// RUN: keep\n"
                   "// CHECK: not a clang-tidy prefix\n";
  EXPECT_EQ(removeCheckComments(In), "int a; //\n"
                                     "  //\n"
                                     "//\n"
                                     "// RUN: keep\n"
                                     "// CHECK: not a clang-tidy prefix\n");
}

TEST(HasDirective, MatchesOnlyThatPrefix) {
  EXPECT_TRUE(hasDirective("// CHECK-MESSAGES: x", "CHECK-MESSAGES"));
  EXPECT_TRUE(hasDirective("x\n// CHECK-MESSAGES-NEXT: x", "CHECK-MESSAGES"));
  EXPECT_TRUE(hasDirective("// CHECK-FIXES-COUNT-2: x", "CHECK-FIXES"));
  EXPECT_TRUE(hasDirective("//CHECK-FIXES{LITERAL}: x", "CHECK-FIXES"));
  EXPECT_FALSE(hasDirective("// CHECK-MESSAGES-AUDIT: x", "CHECK-MESSAGES"));
  EXPECT_FALSE(hasDirective("// XCHECK-MESSAGES: x", "CHECK-MESSAGES"));
  EXPECT_FALSE(hasDirective("// CHECK-MESSAGES x", "CHECK-MESSAGES"));
  EXPECT_TRUE(hasDirective("// CHECK-MESSAGES-AUDIT: x", "CHECK-MESSAGES-AUDIT"));
}

TEST(ComputePrefixes, DefaultAndSuffixes) {
  const std::string Text = "// CHECK-MESSAGES: a\n"
                           "// CHECK-FIXES: b\n"
                           "// CHECK-MESSAGES-AUDIT: c\n"
                           "// CHECK-NOTES-N: d\n";
  Prefixes P;
  std::string Error;
  ASSERT_TRUE(computePrefixes(Text, {""}, P, Error)) << Error;
  EXPECT_THAT(P.Messages, ElementsAre("CHECK-MESSAGES"));
  EXPECT_THAT(P.Fixes, ElementsAre("CHECK-FIXES"));
  EXPECT_THAT(P.Notes, IsEmpty());
  EXPECT_FALSE(P.ExpectNoDiagnosis);

  ASSERT_TRUE(computePrefixes(Text, {"AUDIT", "N"}, P, Error)) << Error;
  EXPECT_THAT(P.Messages, ElementsAre("CHECK-MESSAGES-AUDIT"));
  EXPECT_THAT(P.Fixes, IsEmpty()); // CHECK-FIXES: does not count for AUDIT.
  EXPECT_THAT(P.Notes, ElementsAre("CHECK-NOTES-N"));

  // A suffix nothing is written for: this run must be silent.
  ASSERT_TRUE(computePrefixes(Text, {"QUIET"}, P, Error)) << Error;
  EXPECT_TRUE(P.ExpectNoDiagnosis);
  EXPECT_THAT(P.Messages, IsEmpty());
}

TEST(ComputePrefixes, Errors) {
  Prefixes P;
  std::string Error;
  EXPECT_FALSE(computePrefixes("// CHECK-MESSAGES: a\n", {"", "QUIET"}, P,
                               Error));
  EXPECT_NE(Error.find("CHECK-MESSAGES-QUIET"), std::string::npos) << Error;
  EXPECT_FALSE(computePrefixes("// CHECK-MESSAGES: a\n// CHECK-NOTES: b\n",
                               {""}, P, Error));
  EXPECT_NE(Error.find("not both"), std::string::npos) << Error;
  EXPECT_FALSE(computePrefixes("", {"lower"}, P, Error));
  EXPECT_NE(Error.find("Only A..Z"), std::string::npos) << Error;
  EXPECT_FALSE(computePrefixes("", {"NEXT"}, P, Error));
  EXPECT_FALSE(computePrefixes("// CHECK-MESSAGES-A: x", {"A", "A"}, P, Error));
  EXPECT_NE(Error.find("twice"), std::string::npos) << Error;
}

// --- substitutions, names, quoting -------------------------------------------

TEST(Substitute, LitStyle) {
  Substitutions S{"/src/t/a.cpp", "/src/t", "/tmp/d/a.cpp.tmp", "/tmp/d"};
  EXPECT_EQ(substitute("%s", S), "/src/t/a.cpp");
  EXPECT_EQ(substitute("-I%S/Inputs", S), "-I/src/t/Inputs");
  EXPECT_EQ(substitute("--export-fixes=%t.yaml", S),
            "--export-fixes=/tmp/d/a.cpp.tmp.yaml");
  EXPECT_EQ(substitute("%T/x", S), "/tmp/d/x");
  EXPECT_EQ(substitute("100%% %d %", S), "100% %d %");
}

TEST(SanitizeName, GoogleTestAlphabet) {
  EXPECT_EQ(sanitizeName("erase-all-loop.cpp"), "erase_all_loop_cpp");
  EXPECT_EQ(sanitizeName("c++20"), "cxx20");
  EXPECT_EQ(sanitizeName(""), "_");
}

TEST(ShellQuote, RoundTripsThroughTokenize) {
  std::vector<std::string> Args = {"plain", "-config={A: 1}", "it's", "",
                                   "a|b", "$x"};
  EXPECT_EQ(shellQuote("plain/x.cpp"), "plain/x.cpp");
  EXPECT_EQ(words(shellJoin(Args)), Args);
}

} // namespace
