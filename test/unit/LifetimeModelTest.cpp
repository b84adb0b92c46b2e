//===--- LifetimeModelTest.cpp - classifyLifetime and friends -------------===//

#include "LifetimeModel.h"
#include "TestAST.h"

namespace clang::tidy::highwater::test {
namespace {

using namespace ast_matchers;

// In every function below, the container of interest is the object of the
// first clear() call, and that call is the emptying site.
const char *const Code = R"cpp(
#include <vector>

std::vector<int> g;
thread_local std::vector<int> tls;

struct Cache {
  std::vector<int> m_;
  static std::vector<int> s_;
  std::vector<std::vector<int>> bufs_;

  void explicitThis() { this->m_.clear(); }
  void implicitThis() { m_.clear(); }
  void derefThis() { (*this).m_.clear(); }
  void otherObject(Cache &other) { other.m_.clear(); }
  void throughPointer(Cache *p) { p->m_.clear(); }
  void staticMember() { s_.clear(); }
  void staticMemberThroughThis() { this->s_.clear(); }
  void localRefToMember() {
    auto &r = m_;
    r.clear();
  }
  void localPointerToMember() {
    auto *p = &m_;
    p->clear();
  }
  void rangeForOverMember() {
    for (auto &b : bufs_)
      b.clear();
  }
};

struct Outer {
  Cache inner_;
  void nestedMember() { inner_.m_.clear(); }
};

Cache globalCache;
void memberOfGlobal() { globalCache.m_.clear(); }
void memberOfLocal() {
  Cache c;
  c.m_.clear();
}

void global() { g.clear(); }
void threadLocalGlobal() { tls.clear(); }
void threadLocalLocal() {
  thread_local std::vector<int> t;
  t.clear();
}
void functionStatic() {
  static std::vector<int> fs;
  fs.clear();
}
void plainLocal() {
  std::vector<int> local;
  local.push_back(1);
  local.clear();
}
void loopCarried(int n) {
  std::vector<int> carried;
  for (int i = 0; i < n; ++i) {
    carried.push_back(i);
    carried.clear();
  }
}
void loopCarriedWhile(int n) {
  std::vector<int> carried;
  while (n-- > 0) {
    carried.push_back(n);
    if (n % 2)
      carried.clear();
  }
}
void declaredInLoop(int n) {
  for (int i = 0; i < n; ++i) {
    std::vector<int> fresh;
    fresh.push_back(i);
    fresh.clear();
  }
}
void declaredInForInit(int n) {
  for (std::vector<int> carried; n > 0; --n) {
    carried.push_back(n);
    carried.clear();
  }
}
void declaredInOpenForInit(int n) {
  for (std::vector<int> carried;;) {
    carried.push_back(n);
    carried.clear();
    if (--n == 0)
      break;
  }
}
void declaredInRangeForInit(const std::vector<int> &xs) {
  for (std::vector<int> carried; int x : xs) {
    carried.push_back(x);
    carried.clear();
  }
}
void referenceParam(std::vector<int> &v) { v.clear(); }
void pointerParam(std::vector<int> *v) { v->clear(); }
void derefParam(std::vector<int> *v) { (*v).clear(); }
void byValueParam(std::vector<int> v) { v.clear(); }
void localRefToLocal() {
  std::vector<int> local;
  auto &r = local;
  r.clear();
}
)cpp";

class LifetimeTest : public ::testing::Test {
protected:
  ASTContext &ctx() { return astFor(Code).getASTContext(); }

  /// The lifetime of the object of the first clear() in \p Function.
  std::optional<Lifetime> lifetimeIn(StringRef Function) {
    const CXXMemberCallExpr *Clear = memberCallIn(Function, "clear", ctx());
    EXPECT_TRUE(Clear) << "no clear() in " << Function.str();
    if (!Clear)
      return std::nullopt;
    const auto *Definition = findFirst<FunctionDecl>(
        functionDecl(hasName(Function), isDefinition()), ctx());
    EXPECT_TRUE(Definition) << "no definition of " << Function.str();
    if (!Definition)
      return std::nullopt;
    FunctionScope Scope(Definition);
    return classifyLifetime(Clear->getImplicitObjectArgument(), Clear, Scope,
                            ctx());
  }
  const FieldDecl *field(StringRef Name) {
    return findFirst<FieldDecl>(fieldDecl(hasName(Name)), ctx());
  }
};

TEST_F(LifetimeTest, ThisMember) {
  for (StringRef F : {"explicitThis", "implicitThis"}) {
    SCOPED_TRACE(F.str());
    auto L = lifetimeIn(F);
    ASSERT_TRUE(L);
    EXPECT_EQ(L->Kind, LifetimeKind::Member);
    EXPECT_EQ(L->Decl, field("m_"));
    ASSERT_TRUE(L->Owner);
    EXPECT_EQ(L->Owner->getName(), "Cache");
    EXPECT_FALSE(L->ThroughAlias);
    EXPECT_EQ(L->describe(), "a data member of 'Cache'");
  }
}

TEST_F(LifetimeTest, MemberThroughDereferencedThis) {
  auto L = lifetimeIn("derefThis");
  ASSERT_TRUE(L) << "(*this).m_ classified as short-lived";
  EXPECT_EQ(L->Kind, LifetimeKind::Member);
  EXPECT_EQ(L->Decl, field("m_"));
}

TEST_F(LifetimeTest, MemberOfAnotherObject) {
  auto L = lifetimeIn("otherObject");
  ASSERT_TRUE(L);
  EXPECT_EQ(L->Kind, LifetimeKind::Member);
  EXPECT_EQ(L->Decl, field("m_"));
  EXPECT_TRUE(L->ThroughAlias); // `other` is a reference parameter.
}

TEST_F(LifetimeTest, MemberThroughPointer) {
  auto L = lifetimeIn("throughPointer");
  ASSERT_TRUE(L);
  EXPECT_EQ(L->Kind, LifetimeKind::Member);
  EXPECT_EQ(L->Decl, field("m_"));
  EXPECT_TRUE(L->ThroughAlias);
}

TEST_F(LifetimeTest, MemberOfMember) {
  auto L = lifetimeIn("nestedMember");
  ASSERT_TRUE(L);
  EXPECT_EQ(L->Kind, LifetimeKind::Member);
  EXPECT_EQ(L->Decl, field("m_"));
  EXPECT_FALSE(L->ThroughAlias);
}

TEST_F(LifetimeTest, MemberTakesItsObjectsLifetime) {
  auto OfGlobal = lifetimeIn("memberOfGlobal");
  ASSERT_TRUE(OfGlobal);
  EXPECT_EQ(OfGlobal->Kind, LifetimeKind::Global);
  EXPECT_EQ(OfGlobal->Decl, field("m_"));
  // A member of a local object that dies at the end of the function.
  EXPECT_FALSE(lifetimeIn("memberOfLocal"));
}

TEST_F(LifetimeTest, Global) {
  auto L = lifetimeIn("global");
  ASSERT_TRUE(L);
  EXPECT_EQ(L->Kind, LifetimeKind::Global);
  EXPECT_EQ(L->Decl, varNamed("g", ctx()));
  EXPECT_FALSE(L->ThroughAlias);
}

TEST_F(LifetimeTest, StaticDataMember) {
  for (StringRef F : {"staticMember", "staticMemberThroughThis"}) {
    SCOPED_TRACE(F.str());
    auto L = lifetimeIn(F);
    ASSERT_TRUE(L);
    EXPECT_EQ(L->Kind, LifetimeKind::StaticMember);
    ASSERT_TRUE(L->Owner);
    EXPECT_EQ(L->Owner->getName(), "Cache");
    ASSERT_TRUE(L->Decl);
    EXPECT_EQ(L->Decl->getName(), "s_");
  }
}

TEST_F(LifetimeTest, FunctionStatic) {
  auto L = lifetimeIn("functionStatic");
  ASSERT_TRUE(L);
  EXPECT_EQ(L->Kind, LifetimeKind::FunctionStatic);
  EXPECT_EQ(L->Decl, varNamed("fs", ctx()));
}

TEST_F(LifetimeTest, ThreadLocal) {
  for (StringRef F : {"threadLocalGlobal", "threadLocalLocal"}) {
    SCOPED_TRACE(F.str());
    auto L = lifetimeIn(F);
    ASSERT_TRUE(L);
    EXPECT_EQ(L->Kind, LifetimeKind::ThreadLocal);
  }
}

TEST_F(LifetimeTest, PlainLocalIsShortLived) {
  EXPECT_FALSE(lifetimeIn("plainLocal"));
}

TEST_F(LifetimeTest, LocalDeclaredOutsideLoopEmptiedInside) {
  for (StringRef F : {"loopCarried", "loopCarriedWhile"}) {
    SCOPED_TRACE(F.str());
    auto L = lifetimeIn(F);
    ASSERT_TRUE(L);
    EXPECT_EQ(L->Kind, LifetimeKind::LoopCarriedLocal);
    ASSERT_TRUE(L->Decl);
    EXPECT_EQ(L->Decl->getName(), "carried");
  }
}

TEST_F(LifetimeTest, LocalDeclaredInsideLoopIsShortLived) {
  EXPECT_FALSE(lifetimeIn("declaredInLoop"));
}

// A variable declared in a for statement's init-statement lives across all
// the iterations, like one declared before the loop.
TEST_F(LifetimeTest, LocalDeclaredInForInitIsLoopCarried) {
  for (StringRef F : {"declaredInForInit", "declaredInRangeForInit"}) {
    auto L = lifetimeIn(F);
    EXPECT_TRUE(L && L->Kind == LifetimeKind::LoopCarriedLocal)
        << F.str() << ": "
        << (L ? lifetimeKindName(L->Kind).str() : "short-lived (nullopt)");
  }
}

// Whether a loop the local outlives runs until something stops it (a
// service or batch cycle) or over a range or a count.
TEST_F(LifetimeTest, LoopCarriedLocalKnowsWhetherItsLoopIsOpenEnded) {
  for (auto [F, Open] : {std::pair<StringRef, bool>{"loopCarriedWhile", true},
                         {"declaredInOpenForInit", true},
                         {"loopCarried", false},
                         {"declaredInForInit", false},
                         {"declaredInRangeForInit", false}}) {
    SCOPED_TRACE(F.str());
    auto L = lifetimeIn(F);
    ASSERT_TRUE(L);
    EXPECT_EQ(L->Kind, LifetimeKind::LoopCarriedLocal);
    EXPECT_EQ(L->AcrossOpenEndedLoop, Open);
  }
}

TEST_F(LifetimeTest, ReferenceOrPointerParameterIsCallerOwned) {
  for (StringRef F : {"referenceParam", "pointerParam", "derefParam"}) {
    SCOPED_TRACE(F.str());
    auto L = lifetimeIn(F);
    ASSERT_TRUE(L);
    EXPECT_EQ(L->Kind, LifetimeKind::CallerOwned);
    EXPECT_TRUE(L->ThroughAlias);
  }
}

TEST_F(LifetimeTest, ByValueParameterIsShortLived) {
  EXPECT_FALSE(lifetimeIn("byValueParam"));
}

TEST_F(LifetimeTest, LocalReferenceBoundToMember) {
  auto L = lifetimeIn("localRefToMember");
  ASSERT_TRUE(L);
  EXPECT_EQ(L->Kind, LifetimeKind::Member);
  EXPECT_EQ(L->Decl, field("m_"));
  EXPECT_TRUE(L->ThroughAlias);
}

TEST_F(LifetimeTest, LocalPointerToMember) {
  auto L = lifetimeIn("localPointerToMember");
  ASSERT_TRUE(L);
  EXPECT_EQ(L->Kind, LifetimeKind::Member);
  EXPECT_EQ(L->Decl, field("m_"));
  EXPECT_TRUE(L->ThroughAlias);
}

TEST_F(LifetimeTest, LocalReferenceBoundToLocal) {
  EXPECT_FALSE(lifetimeIn("localRefToLocal"));
}

TEST_F(LifetimeTest, RangeForReferenceOverMember) {
  auto L = lifetimeIn("rangeForOverMember");
  ASSERT_TRUE(L);
  EXPECT_EQ(L->Kind, LifetimeKind::Member);
  EXPECT_EQ(L->Decl, field("bufs_"));
  EXPECT_TRUE(L->ThroughAlias);
}

//===--- isSameContainer / containerObject --------------------------------===//

TEST_F(LifetimeTest, ExplicitAndImplicitThisAreTheSameContainer) {
  const CXXMemberCallExpr *Explicit =
      memberCallIn("explicitThis", "clear", ctx());
  const CXXMemberCallExpr *Implicit =
      memberCallIn("implicitThis", "clear", ctx());
  ASSERT_TRUE(Explicit && Implicit);
  // The header promises: "this->m_ and m_ are the same".
  EXPECT_TRUE(isSameContainer(Explicit->getImplicitObjectArgument(),
                              Implicit->getImplicitObjectArgument(), ctx()));
}

TEST_F(LifetimeTest, DifferentObjectsAreDifferentContainers) {
  const CXXMemberCallExpr *This = memberCallIn("implicitThis", "clear", ctx());
  const CXXMemberCallExpr *Other = memberCallIn("otherObject", "clear", ctx());
  const CXXMemberCallExpr *Static = memberCallIn("staticMember", "clear", ctx());
  ASSERT_TRUE(This && Other && Static);
  EXPECT_FALSE(isSameContainer(This->getImplicitObjectArgument(),
                               Other->getImplicitObjectArgument(), ctx()));
  EXPECT_FALSE(isSameContainer(This->getImplicitObjectArgument(),
                               Static->getImplicitObjectArgument(), ctx()));
  EXPECT_FALSE(isSameContainer(This->getImplicitObjectArgument(), nullptr,
                               ctx()));
}

TEST_F(LifetimeTest, ContainerObjectStripsDereference) {
  const CXXMemberCallExpr *Call = memberCallIn("derefParam", "clear", ctx());
  ASSERT_TRUE(Call);
  // (*v).clear(): the implicit object is `(*v)`; the container is `v`.
  const auto *DRE =
      dyn_cast<DeclRefExpr>(containerObject(Call->getImplicitObjectArgument()));
  ASSERT_TRUE(DRE);
  EXPECT_EQ(DRE->getDecl()->getName(), "v");
}

//===--- parseLifetimeKinds -------------------------------------------------===//

TEST(LifetimeKinds, ParseNamesAndReportUnknown) {
  std::vector<std::string> Unknown;
  LifetimeKindSet Set =
      parseLifetimeKinds(" member ; bogus;caller-owned;;", &Unknown);
  EXPECT_TRUE(Set.test(static_cast<size_t>(LifetimeKind::Member)));
  EXPECT_TRUE(Set.test(static_cast<size_t>(LifetimeKind::CallerOwned)));
  EXPECT_EQ(Set.count(), 2u);
  EXPECT_EQ(Unknown, std::vector<std::string>{"bogus"});
  for (size_t K = 0; K < static_cast<size_t>(LifetimeKind::Count); ++K) {
    LifetimeKindSet One =
        parseLifetimeKinds(lifetimeKindName(static_cast<LifetimeKind>(K)));
    EXPECT_EQ(One.count(), 1u);
    EXPECT_TRUE(One.test(K));
  }
}

} // namespace
} // namespace clang::tidy::highwater::test
