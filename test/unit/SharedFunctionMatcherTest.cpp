//===--- SharedFunctionMatcherTest.cpp ------------------------------------===//
//
// The highwater checks share one matcher per MatchFinder: every subscribed
// check sees every analysed function and the start and end of the TU, in
// subscription order, and each finder gets its own matcher.
//
//===----------------------------------------------------------------------===//

#include "SharedFunctionMatcher.h"
#include "TestAST.h"
#include <string>
#include <vector>

namespace clang::tidy::highwater::test {
namespace {

using ast_matchers::MatchFinder;

/// Records what the shared matcher hands it, tagged with its name.
class Recorder : public MatchFinder::MatchCallback {
public:
  Recorder(std::string Name, std::vector<std::string> &Log)
      : Name(std::move(Name)), Log(Log) {}
  void run(const MatchFinder::MatchResult &Result) override {
    const auto *F = Result.Nodes.getNodeAs<FunctionDecl>("function");
    const SourceManager &SM = *Result.SourceManager;
    if (F && SM.isInMainFile(SM.getExpansionLoc(F->getLocation())))
      Log.push_back(Name + ":" + F->getNameAsString());
  }
  void onStartOfTranslationUnit() override { Log.push_back(Name + ":start"); }
  void onEndOfTranslationUnit() override { Log.push_back(Name + ":end"); }

private:
  std::string Name;
  std::vector<std::string> &Log;
};

const char *const Snippet = R"cc(
void declaredOnly();
void first() {}
struct S {
  void second() {}
};
)cc";

/// Two recording checks and the log they share.
class SharedFunctionMatcherTest : public ::testing::Test {
protected:
  ASTUnit &AST = astFor(Snippet);
  std::vector<std::string> Log;
  Recorder A{"a", Log};
  Recorder B{"b", Log};
};

TEST_F(SharedFunctionMatcherTest, EverySubscriberSeesEveryFunctionOnce) {
  MatchFinder Finder;
  auto HandleA = SharedFunctionMatcher::subscribe(&Finder, &A);
  auto HandleB = SharedFunctionMatcher::subscribe(&Finder, &B);
  EXPECT_EQ(HandleA, HandleB) << "one matcher per finder";
  Finder.matchAST(AST.getASTContext());
  EXPECT_EQ(Log, (std::vector<std::string>{"a:start", "b:start", "a:first",
                                           "b:first", "a:second", "b:second",
                                           "a:end", "b:end"}));
}

TEST_F(SharedFunctionMatcherTest, EachFinderHasItsOwnMatcher) {
  MatchFinder FinderA, FinderB;
  auto HandleA = SharedFunctionMatcher::subscribe(&FinderA, &A);
  auto HandleB = SharedFunctionMatcher::subscribe(&FinderB, &B);
  EXPECT_NE(HandleA, HandleB);
  FinderB.matchAST(AST.getASTContext());
  EXPECT_EQ(Log, (std::vector<std::string>{"b:start", "b:first", "b:second",
                                           "b:end"}));
}

TEST_F(SharedFunctionMatcherTest, ANewFinderAfterTheOldOneIsGoneStartsAfresh) {
  {
    MatchFinder Finder;
    auto Handle = SharedFunctionMatcher::subscribe(&Finder, &A);
  }
  // Possibly at the same address as the finder above: only the new
  // subscriber is called.
  MatchFinder Finder;
  auto Handle = SharedFunctionMatcher::subscribe(&Finder, &B);
  Finder.matchAST(AST.getASTContext());
  EXPECT_EQ(Log, (std::vector<std::string>{"b:start", "b:first", "b:second",
                                           "b:end"}));
}

} // namespace
} // namespace clang::tidy::highwater::test
