//===--- ReleaseAnalysisTest.cpp - release detection ----------------------===//

#include "ContainerModel.h"
#include "LifetimeModel.h"
#include "ReleaseAnalysis.h"
#include "TestAST.h"

namespace clang::tidy::highwater::test {
namespace {

using namespace ast_matchers;

//===--- isReleaseOf / isStorageKeepingAssignment --------------------------===//

// In each function, the container is the one the first statement empties,
// and the statement under test is the last one.
const char *const Statements = R"cpp(
#include <deque>
#include <queue>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

struct S {
  std::vector<int> v, other;
  std::string s;
  std::unordered_map<int, int> m;
  std::deque<int> d;
  std::queue<int> q;

  void shrink() { v.clear(); v.shrink_to_fit(); }
  void shrinkOther() { v.clear(); other.shrink_to_fit(); }
  void swapWithTemporary() { v.clear(); std::vector<int>().swap(v); }
  void swapWithLocal() { v.clear(); std::vector<int> tmp; v.swap(tmp); }
  void swapLocalWith() { v.clear(); std::vector<int> tmp; tmp.swap(v); }
  void stdSwapWithLocal() { v.clear(); std::vector<int> tmp; std::swap(v, tmp); }
  void stdSwapLocalFirst() { v.clear(); std::vector<int> tmp; std::swap(tmp, v); }
  void swapWithMember() { v.clear(); v.swap(other); }
  void swapWithReference() { v.clear(); std::vector<int> &r = other; v.swap(r); }
  void assignFresh() { v.clear(); v = std::vector<int>(); }
  void assignFreshBraced() { v.clear(); v = std::vector<int>{}; }
  void assignMovedLocal() { v.clear(); std::vector<int> tmp; v = std::move(tmp); }
  void assignFreshWithAllocator() { v.clear(); v = std::vector<int>(v.get_allocator()); }
  void swapFreshWithAllocator() { v.clear(); std::vector<int>(v.get_allocator()).swap(v); }
  void assignBraces() { v.clear(); v = {}; }
  void assignCopy() { v.clear(); v = other; }
  void assignMovedMember() { v.clear(); v = std::move(other); }
  void vectorReserveZero() { v.clear(); v.reserve(0); }
  void stringAssignFresh() { s.clear(); s = std::string(); }
  void stringAssignEmptyLiteral() { s.clear(); s = ""; }
  void stringAssignLiteral() { s.clear(); s = "x"; }
  void stringAssignBraces() { s.clear(); s = {}; }
  void stringExchange() { s.clear(); std::exchange(s, {}); }
  void stringSwapWithTemporary() { s.clear(); std::string().swap(s); }
  void stringShrink() { s.clear(); s.shrink_to_fit(); }
  void rehashZero() { m.clear(); m.rehash(0); }
  void reserveZero() { m.clear(); m.reserve(0); }
  void rehashTen() { m.clear(); m.rehash(10); }
  void mapAssignBraces() { m.clear(); m = {}; }
  void mapAssignFresh() { m.clear(); m = std::unordered_map<int, int>(); }
  void dequeShrink() { d.clear(); d.shrink_to_fit(); }
  void dequeAssignFresh() { d.clear(); d = std::deque<int>(); }
  void dequeAssignBraces() { d.clear(); d = {}; }
  void queueAssignBraces() { while (!q.empty()) q.pop(); q = {}; }
  void queueSwapWithTemporary() { while (!q.empty()) q.pop(); std::queue<int>().swap(q); }
};
)cpp";

class ReleaseStatementTest : public ::testing::Test {
protected:
  ASTContext &ctx() { return astFor(Statements).getASTContext(); }

  struct Case {
    const Stmt *Statement = nullptr;
    const Expr *Container = nullptr;
    std::optional<ContainerInfo> Info;
  };

  /// \p Function's last statement and the container \p Field as its first
  /// statement names it.
  Case caseFor(StringRef Function, StringRef Field) {
    Case C;
    const FunctionDecl *FD = functionNamed(Function, ctx());
    EXPECT_TRUE(FD) << Function.str();
    if (!FD)
      return C;
    C.Statement =
        statementOf(FD, cast<CompoundStmt>(FD->getBody())->size() - 1);
    C.Container = findFirst<MemberExpr>(
        memberExpr(member(hasName(Field)),
                   hasAncestor(functionDecl(hasName(Function)))),
        ctx());
    EXPECT_TRUE(C.Statement && C.Container) << Function.str();
    if (C.Container)
      C.Info = Model.classify(C.Container->getType(), ctx());
    EXPECT_TRUE(C.Info) << Function.str();
    return C;
  }

  bool isRelease(StringRef Function, StringRef Field) {
    Case C = caseFor(Function, Field);
    return C.Info && isReleaseOf(C.Statement, C.Container, *C.Info, ctx());
  }
  bool keepsStorage(StringRef Function, StringRef Field) {
    Case C = caseFor(Function, Field);
    return C.Info &&
           isStorageKeepingAssignment(C.Statement, C.Container, *C.Info, ctx());
  }

  ContainerModel Model;
};

TEST_F(ReleaseStatementTest, ShrinkToFit) {
  EXPECT_TRUE(isRelease("shrink", "v"));
  EXPECT_FALSE(keepsStorage("shrink", "v"));
  EXPECT_TRUE(isRelease("stringShrink", "s"));
}

TEST_F(ReleaseStatementTest, ReleaseOfAnotherContainerDoesNotCount) {
  EXPECT_FALSE(isRelease("shrinkOther", "v"));
}

TEST_F(ReleaseStatementTest, SwapWithTemporary) {
  EXPECT_TRUE(isRelease("swapWithTemporary", "v"));
  EXPECT_TRUE(isRelease("stringSwapWithTemporary", "s"));
  EXPECT_TRUE(isRelease("queueSwapWithTemporary", "q"));
}

TEST_F(ReleaseStatementTest, SwapWithLocal) {
  EXPECT_TRUE(isRelease("swapWithLocal", "v"));
  EXPECT_TRUE(isRelease("swapLocalWith", "v"));
}

TEST_F(ReleaseStatementTest, StdSwapWithLocal) {
  EXPECT_TRUE(isRelease("stdSwapWithLocal", "v"));
  EXPECT_TRUE(isRelease("stdSwapLocalFirst", "v"));
}

TEST_F(ReleaseStatementTest, SwapWithLongLivedContainerIsNotARelease) {
  EXPECT_FALSE(isRelease("swapWithMember", "v"));
  EXPECT_FALSE(isRelease("swapWithReference", "v"));
}

TEST_F(ReleaseStatementTest, AssignFreshContainer) {
  EXPECT_TRUE(isRelease("assignFresh", "v"));
  EXPECT_FALSE(keepsStorage("assignFresh", "v"));
  EXPECT_TRUE(isRelease("assignFreshBraced", "v"));
  EXPECT_TRUE(isRelease("assignMovedLocal", "v"));
  EXPECT_TRUE(isRelease("mapAssignFresh", "m"));
  EXPECT_TRUE(isRelease("dequeAssignFresh", "d"));
}

// The idiom for a container whose allocator must be kept (std::pmr, a
// stateful allocator): a fresh container built from that allocator alone.
TEST_F(ReleaseStatementTest, FreshContainerWithTheSameAllocator) {
  EXPECT_TRUE(isRelease("assignFreshWithAllocator", "v"));
  EXPECT_TRUE(isRelease("swapFreshWithAllocator", "v"));
}

TEST_F(ReleaseStatementTest, AssignEmptyBracesKeepsStorage) {
  for (auto [Function, Field] :
       {std::pair<StringRef, StringRef>{"assignBraces", "v"},
        {"stringAssignBraces", "s"},
        {"mapAssignBraces", "m"}}) {
    SCOPED_TRACE(Function.str());
    EXPECT_FALSE(isRelease(Function, Field));
    EXPECT_TRUE(keepsStorage(Function, Field));
  }
}

TEST_F(ReleaseStatementTest, StringReassignmentKeepsStorage) {
  EXPECT_FALSE(isRelease("stringAssignFresh", "s"));
  EXPECT_TRUE(keepsStorage("stringAssignFresh", "s"));
  EXPECT_FALSE(isRelease("stringAssignEmptyLiteral", "s"));
  EXPECT_TRUE(keepsStorage("stringAssignEmptyLiteral", "s"));
  // Not empty: not an emptying at all.
  EXPECT_FALSE(keepsStorage("stringAssignLiteral", "s"));
}

TEST_F(ReleaseStatementTest, ExchangeReleases) {
  EXPECT_TRUE(isRelease("stringExchange", "s"));
}

TEST_F(ReleaseStatementTest, HashTableRehashOrReserveZero) {
  EXPECT_TRUE(isRelease("rehashZero", "m"));
  EXPECT_TRUE(isRelease("reserveZero", "m"));
  EXPECT_FALSE(isRelease("rehashTen", "m"));
  // reserve(0) on a vector does not shrink it.
  EXPECT_FALSE(isRelease("vectorReserveZero", "v"));
}

TEST_F(ReleaseStatementTest, DequeShrinkToFitIsNotARelease) {
  EXPECT_FALSE(isRelease("dequeShrink", "d"));
  // Nor is `d = {}` storage-keeping: the deque frees its blocks anyway.
  EXPECT_FALSE(keepsStorage("dequeAssignBraces", "d"));
}

TEST_F(ReleaseStatementTest, QueueAssignBracesIsAMoveAssignment) {
  // std::queue has no initializer_list assignment: `q = {}` move-assigns a
  // default-constructed queue.
  EXPECT_TRUE(isRelease("queueAssignBraces", "q"));
  EXPECT_FALSE(keepsStorage("queueAssignBraces", "q"));
}

TEST_F(ReleaseStatementTest, CopyOrMoveFromAMemberIsNotARelease) {
  EXPECT_FALSE(isRelease("assignCopy", "v"));
  EXPECT_FALSE(keepsStorage("assignCopy", "v"));
  EXPECT_FALSE(isRelease("assignMovedMember", "v"));
}

TEST_F(ReleaseStatementTest, NoInPlaceReleaseFamily) {
  // A family configured "no-release" (llvm::SmallVector-like): swapping or
  // assigning does not release it.
  ContainerFamily NoRelease;
  NoRelease.Name = "my::Small";
  NoRelease.NoInPlaceRelease = true;
  for (StringRef Function :
       {"swapWithTemporary", "swapWithLocal", "stdSwapWithLocal", "assignFresh"}) {
    SCOPED_TRACE(Function.str());
    Case C = caseFor(Function, "v");
    ASSERT_TRUE(C.Info);
    ASSERT_TRUE(isReleaseOf(C.Statement, C.Container, *C.Info, ctx()));
    C.Info->Family = &NoRelease;
    EXPECT_FALSE(isReleaseOf(C.Statement, C.Container, *C.Info, ctx()));
  }
}

//===--- ReleaseAnalysis::releasedOnEveryPathAfter --------------------------===//

// The site is the first clear() of each function, or its first loop for the
// functions whose name starts with "loop".
const char *const Paths = R"cpp(
#include <vector>

struct R {
  std::vector<int> v;
  void release();

  void bothBranches(bool c) {
    v.clear();
    if (c)
      v.shrink_to_fit();
    else
      std::vector<int>().swap(v);
  }
  void oneBranch(bool c) {
    v.clear();
    if (c)
      v.shrink_to_fit();
  }
  void sameBlock() {
    v.clear();
    v.shrink_to_fit();
  }
  void releaseBefore() {
    v.shrink_to_fit();
    v.clear();
  }
  void releaseInCallee() {
    v.clear();
    release();
  }
  void storageKeepingAfter() {
    v.clear();
    v = {};
  }
  void thisArrowRelease() {
    v.clear();
    this->v.shrink_to_fit();
  }
  void earlyReturnAfterClear(bool c) {
    v.clear();
    if (c)
      return;
    v.shrink_to_fit();
  }
  void releaseOnlyInNextIteration(int n) {
    for (int i = 0; i < n; ++i) {
      v.shrink_to_fit();
      v.push_back(i);
      v.clear();
    }
  }
  void reemptiedInLoopThenReleased(int n) {
    for (int i = 0; i < n; ++i) {
      v.push_back(i);
      v.clear();
    }
    v.shrink_to_fit();
  }

  void loopThenRelease() {
    while (!v.empty())
      v.pop_back();
    v.shrink_to_fit();
  }
  void loopEraseThenSwap() {
    for (auto it = v.begin(); it != v.end();)
      it = v.erase(it);
    std::vector<int>().swap(v);
  }
  void loopWithoutRelease() {
    while (!v.empty())
      v.pop_back();
  }
  void loopEarlyReturn(bool c) {
    while (!v.empty())
      v.pop_back();
    if (c)
      return;
    v.shrink_to_fit();
  }
  void loopReleaseBothBranches(bool c) {
    while (!v.empty())
      v.pop_back();
    if (c)
      v.shrink_to_fit();
    else
      v = std::vector<int>();
  }
  void loopExitedByBreakThenRelease() {
    while (true) {
      if (v.empty())
        break;
      v.pop_back();
    }
    v.shrink_to_fit();
  }
  void loopDoWhileThenRelease() {
    do
      v.pop_back();
    while (!v.empty());
    v.shrink_to_fit();
  }
  void loopInsideLoopReleasedBeforeNextCycle(int n) {
    for (int i = 0; i < n; ++i) {
      v.push_back(i);
      while (!v.empty())
        v.pop_back();
      v.shrink_to_fit();
    }
  }
  void loopInsideLoopReleasedAfterOuterLoop(int n) {
    for (int i = 0; i < n; ++i) {
      v.push_back(i);
      while (!v.empty())
        v.pop_back();
    }
    v.shrink_to_fit();
  }
};
void R::release() { v.shrink_to_fit(); }
)cpp";

class ReleasedOnEveryPathTest : public ::testing::Test {
protected:
  ASTContext &ctx() { return astFor(Paths).getASTContext(); }

  bool released(StringRef Function) {
    const FunctionDecl *FD = functionNamed(Function, ctx());
    EXPECT_TRUE(FD) << Function.str();
    if (!FD)
      return false;
    const Stmt *Site = nullptr;
    if (Function.starts_with("loop"))
      Site = findFirst<Stmt>(
          stmt(anyOf(whileStmt(), forStmt(), doStmt()),
               hasAncestor(functionDecl(hasName(Function))),
               // The innermost loop: the one that empties v.
               unless(hasDescendant(
                   stmt(anyOf(whileStmt(), forStmt(), doStmt()))))),
          ctx());
    else
      Site = memberCallIn(Function, "clear", ctx());
    const Expr *Container = findFirst<MemberExpr>(
        memberExpr(member(hasName("v")),
                   hasAncestor(functionDecl(hasName(Function)))),
        ctx());
    EXPECT_TRUE(Site && Container) << Function.str();
    if (!Site || !Container)
      return false;
    std::optional<ContainerInfo> Info =
        Model.classify(Container->getType(), ctx());
    EXPECT_TRUE(Info);
    if (!Info)
      return false;
    return Analysis.releasedOnEveryPathAfter(Site, Container, *Info, FD, ctx());
  }

  ContainerModel Model;
  ReleaseAnalysis Analysis;
};

TEST_F(ReleasedOnEveryPathTest, ReleasedOnBothBranches) {
  EXPECT_TRUE(released("bothBranches"));
}

TEST_F(ReleasedOnEveryPathTest, ReleasedOnOneBranchOnly) {
  EXPECT_FALSE(released("oneBranch"));
}

TEST_F(ReleasedOnEveryPathTest, ReleasedInTheSameBlock) {
  EXPECT_TRUE(released("sameBlock"));
}

TEST_F(ReleasedOnEveryPathTest, ReleaseBeforeTheEmptyingDoesNotCount) {
  EXPECT_FALSE(released("releaseBefore"));
}

TEST_F(ReleasedOnEveryPathTest, ReleaseInACalledFunctionDoesNotCount) {
  EXPECT_FALSE(released("releaseInCallee"));
}

TEST_F(ReleasedOnEveryPathTest, StorageKeepingAssignmentIsNoRelease) {
  EXPECT_FALSE(released("storageKeepingAfter"));
}

TEST_F(ReleasedOnEveryPathTest, ReleaseSpelledWithExplicitThis) {
  // `v` and `this->v` are the same container (LifetimeModel.h).
  EXPECT_TRUE(released("thisArrowRelease"));
}

TEST_F(ReleasedOnEveryPathTest, EarlyReturnBetweenEmptyingAndRelease) {
  EXPECT_FALSE(released("earlyReturnAfterClear"));
  EXPECT_FALSE(released("loopEarlyReturn"));
}

TEST_F(ReleasedOnEveryPathTest, EmptyingLoopThenRelease) {
  EXPECT_TRUE(released("loopThenRelease"));
  EXPECT_TRUE(released("loopEraseThenSwap"));
  EXPECT_TRUE(released("loopReleaseBothBranches"));
  EXPECT_FALSE(released("loopWithoutRelease"));
  EXPECT_TRUE(released("loopDoWhileThenRelease"));
}

TEST_F(ReleasedOnEveryPathTest, LoopExitedByBreakThenRelease) {
  // The loop's only exit is the break; the release follows it.
  EXPECT_TRUE(released("loopExitedByBreakThenRelease"));
}

TEST_F(ReleasedOnEveryPathTest, ReleaseOnlyBeforeTheNextIterationsEmptying) {
  // After the last iteration's clear() the loop exits with nothing released.
  EXPECT_FALSE(released("releaseOnlyInNextIteration"));
}

TEST_F(ReleasedOnEveryPathTest, ReachingTheSiteAgainBeforeARelease) {
  // "releases Container before it reaches the exit or Site again".
  EXPECT_FALSE(released("reemptiedInLoopThenReleased"));
  EXPECT_FALSE(released("loopInsideLoopReleasedAfterOuterLoop"));
  EXPECT_TRUE(released("loopInsideLoopReleasedBeforeNextCycle"));
}

TEST_F(ReleasedOnEveryPathTest, CachedAnswersAreStable) {
  bool First = released("bothBranches");
  EXPECT_EQ(released("bothBranches"), First);
  Analysis.reset();
  EXPECT_EQ(released("bothBranches"), First);
  EXPECT_FALSE(released("oneBranch"));
}

TEST_F(ReleasedOnEveryPathTest, SiteOutsideTheFunction) {
  // A site that is not in the function's CFG: cannot tell, so false.
  const FunctionDecl *Other = functionNamed("oneBranch", ctx());
  const CXXMemberCallExpr *Site = memberCallIn("bothBranches", "clear", ctx());
  ASSERT_TRUE(Other && Site);
  std::optional<ContainerInfo> Info =
      Model.classify(Site->getImplicitObjectArgument()->getType(), ctx());
  ASSERT_TRUE(Info);
  EXPECT_FALSE(Analysis.releasedOnEveryPathAfter(
      Site, Site->getImplicitObjectArgument(), *Info, Other, ctx()));
}

} // namespace
} // namespace clang::tidy::highwater::test
