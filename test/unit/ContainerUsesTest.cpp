//===--- ContainerUsesTest.cpp - mayRefill, canExitEarly and friends ------===//

#include "ContainerUses.h"
#include "TestAST.h"

namespace clang::tidy::highwater::test {
namespace {

using namespace ast_matchers;

// Every function holds one emptying loop; the container is the object of the
// empty() call in its condition and the body is the loop's body.
const char *const Code = R"cpp(
#include <map>
#include <stdexcept>
#include <vector>

void consume(std::vector<int> &);
void consumePointer(std::vector<int> *);
void observe(const std::vector<int> &);
void observeValue(std::vector<int>);
void unrelated(int);

std::vector<int> g;
void fillGlobal() { g.push_back(1); }
void unrelatedWork(int &out) { ++out; }
void globalVisibleFill() {
  while (!g.empty()) {
    g.pop_back();
    fillGlobal();
  }
}
void globalVisibleUnrelated() {
  int n = 0;
  while (!g.empty()) {
    g.pop_back();
    unrelatedWork(n);
  }
}

struct Owner {
  std::vector<int> v;
  std::vector<int> other;
  std::map<int, int> m;
  int counter = 0;

  void opaque();
  void harmless() { ++counter; }
  void refillsIndirectly() { helper(); }
  void helper() { v.push_back(1); }
  int observer() const;

  void pushBack() {
    while (!v.empty()) {
      v.pop_back();
      v.push_back(1);
    }
  }
  void pushBackOther() {
    while (!v.empty()) {
      v.pop_back();
      other.push_back(1);
    }
  }
  void pushBackThroughThis() {
    while (!v.empty()) {
      v.pop_back();
      this->v.push_back(1);
    }
  }
  void mapSubscript() {
    while (!m.empty()) {
      m.erase(m.begin());
      m[1] = 2;
    }
  }
  void nonConstReference() {
    while (!v.empty()) {
      v.pop_back();
      consume(v);
    }
  }
  void addressTaken() {
    while (!v.empty()) {
      v.pop_back();
      consumePointer(&v);
    }
  }
  void constReference() {
    while (!v.empty()) {
      v.pop_back();
      observe(v);
      observeValue(v);
      unrelated(v.size());
    }
  }
  void opaqueMember() {
    while (!v.empty()) {
      v.pop_back();
      opaque();
    }
  }
  void harmlessMember() {
    while (!v.empty()) {
      v.pop_back();
      harmless();
    }
  }
  void indirectMember() {
    while (!v.empty()) {
      v.pop_back();
      refillsIndirectly();
    }
  }
  void constMember() {
    while (!v.empty()) {
      v.pop_back();
      counter += observer();
    }
  }
  void justPops() {
    while (!v.empty())
      v.pop_back();
  }

  void exitBreak(bool c) {
    while (!v.empty()) {
      if (c)
        break;
      v.pop_back();
    }
  }
  void exitBreakInNestedLoop(int n) {
    while (!v.empty()) {
      for (int i = 0; i < n; ++i)
        if (i == 3)
          break;
      do {
        break;
      } while (true);
      v.pop_back();
    }
  }
  void exitBreakInSwitch(int n) {
    while (!v.empty()) {
      switch (n) {
      case 1:
        break;
      default:
        break;
      }
      v.pop_back();
    }
  }
  void exitReturn(bool c) {
    while (!v.empty()) {
      if (c)
        return;
      v.pop_back();
    }
  }
  void exitReturnInNestedLoop(int n) {
    while (!v.empty()) {
      for (int i = 0; i < n; ++i)
        if (i == 3)
          return;
      v.pop_back();
    }
  }
  void exitThrow(bool c) {
    while (!v.empty()) {
      if (c)
        throw std::runtime_error("x");
      v.pop_back();
    }
  }
  void exitGoto(bool c) {
    while (!v.empty()) {
      if (c)
        goto done;
      v.pop_back();
    }
  done:;
  }
  void exitLambdaReturn() {
    while (!v.empty()) {
      auto f = [](int x) {
        if (x)
          return 1;
        return 0;
      };
      counter += f(v.back());
      v.pop_back();
    }
  }
};
)cpp";

class ContainerUsesTest : public ::testing::Test {
protected:
  ASTContext &ctx() { return astFor(Code).getASTContext(); }

  const WhileStmt *loopIn(StringRef Function) {
    const auto *Loop = findFirst<WhileStmt>(
        whileStmt(hasAncestor(functionDecl(hasName(Function)))), ctx());
    EXPECT_TRUE(Loop) << Function.str();
    return Loop;
  }
  const Expr *containerIn(StringRef Function) {
    const CXXMemberCallExpr *Empty = memberCallIn(Function, "empty", ctx());
    EXPECT_TRUE(Empty) << Function.str();
    return Empty ? Empty->getImplicitObjectArgument() : nullptr;
  }
  bool refills(StringRef Function) {
    const WhileStmt *Loop = loopIn(Function);
    const Expr *Container = containerIn(Function);
    return Loop && Container && mayRefill(Loop->getBody(), Container, ctx());
  }
  bool exitsEarly(StringRef Function) {
    const WhileStmt *Loop = loopIn(Function);
    return Loop && canExitEarly(Loop->getBody());
  }
};

TEST_F(ContainerUsesTest, PushBackRefills) {
  EXPECT_TRUE(refills("pushBack"));
}

TEST_F(ContainerUsesTest, PushBackSpelledWithExplicitThisRefills) {
  // The condition says `v`, the body `this->v`: the same container.
  EXPECT_TRUE(refills("pushBackThroughThis"));
}

TEST_F(ContainerUsesTest, GlobalRefilledByAVisibleFunction) {
  EXPECT_TRUE(refills("globalVisibleFill"));
  EXPECT_FALSE(refills("globalVisibleUnrelated"));
}

TEST_F(ContainerUsesTest, PushBackOnAnotherContainerDoesNot) {
  EXPECT_FALSE(refills("pushBackOther"));
  EXPECT_FALSE(refills("justPops"));
}

TEST_F(ContainerUsesTest, MapSubscriptRefills) {
  EXPECT_TRUE(refills("mapSubscript"));
}

TEST_F(ContainerUsesTest, PassedByNonConstReferenceOrPointerRefills) {
  EXPECT_TRUE(refills("nonConstReference"));
  EXPECT_TRUE(refills("addressTaken"));
}

TEST_F(ContainerUsesTest, PassedByConstReferenceOrValueDoesNot) {
  EXPECT_FALSE(refills("constReference"));
}

TEST_F(ContainerUsesTest, OpaqueNonConstMemberFunctionMayRefill) {
  EXPECT_TRUE(refills("opaqueMember"));
}

TEST_F(ContainerUsesTest, VisibleMemberFunctionNotTouchingItDoesNot) {
  EXPECT_FALSE(refills("harmlessMember"));
}

TEST_F(ContainerUsesTest, VisibleMemberFunctionTouchingItIndirectly) {
  EXPECT_TRUE(refills("indirectMember"));
}

TEST_F(ContainerUsesTest, ConstMemberFunctionDoesNot) {
  EXPECT_FALSE(refills("constMember"));
}

TEST_F(ContainerUsesTest, BreakExitsEarly) {
  EXPECT_TRUE(exitsEarly("exitBreak"));
}

TEST_F(ContainerUsesTest, BreakOfNestedLoopOrSwitchDoesNot) {
  EXPECT_FALSE(exitsEarly("exitBreakInNestedLoop"));
  EXPECT_FALSE(exitsEarly("exitBreakInSwitch"));
  EXPECT_FALSE(exitsEarly("justPops"));
}

TEST_F(ContainerUsesTest, ReturnExitsEarly) {
  EXPECT_TRUE(exitsEarly("exitReturn"));
  EXPECT_TRUE(exitsEarly("exitReturnInNestedLoop"));
}

TEST_F(ContainerUsesTest, ThrowAndGotoExitEarly) {
  EXPECT_TRUE(exitsEarly("exitThrow"));
  EXPECT_TRUE(exitsEarly("exitGoto"));
}

TEST_F(ContainerUsesTest, ReturnInsideALambdaDoesNot) {
  EXPECT_FALSE(exitsEarly("exitLambdaReturn"));
}

TEST_F(ContainerUsesTest, SingleElementRemoval) {
  const CXXMemberCallExpr *PopBack = memberCallIn("justPops", "pop_back", ctx());
  const CXXMemberCallExpr *Erase = memberCallIn("mapSubscript", "erase", ctx());
  const CXXMemberCallExpr *Push = memberCallIn("pushBack", "push_back", ctx());
  ASSERT_TRUE(PopBack && Erase && Push);
  EXPECT_TRUE(isSingleElementRemoval(PopBack));
  EXPECT_TRUE(isSingleElementRemoval(Erase));
  EXPECT_FALSE(isSingleElementRemoval(Push));
  EXPECT_FALSE(isSingleElementRemoval(nullptr));
}

TEST_F(ContainerUsesTest, InsertionMethodNames) {
  for (StringRef Name : {"push_back", "emplace_back", "insert", "try_emplace",
                         "resize", "assign", "append", "push"})
    EXPECT_TRUE(isInsertionMethodName(Name)) << Name.str();
  for (StringRef Name : {"pop_back", "erase", "clear", "size", "find"})
    EXPECT_FALSE(isInsertionMethodName(Name)) << Name.str();
}

TEST_F(ContainerUsesTest, MentionsContainer) {
  const WhileStmt *Loop = loopIn("pushBackOther");
  const Expr *V = containerIn("pushBackOther");
  ASSERT_TRUE(Loop && V);
  EXPECT_TRUE(mentionsContainer(Loop->getBody(), V, ctx()));
  const CXXMemberCallExpr *OtherPush =
      memberCallIn("pushBackOther", "push_back", ctx());
  ASSERT_TRUE(OtherPush);
  EXPECT_FALSE(mentionsContainer(OtherPush, V, ctx()));
  EXPECT_EQ(calledObject(OtherPush)->getType().getAsString(),
            "std::vector<int>");
}

} // namespace
} // namespace clang::tidy::highwater::test
