//===--- TestAST.h - ASTs from snippets for the analysis unit tests -------===//
//
// Builds an AST from a snippet that may include the real standard library
// headers, once per snippet per process (the tests of one suite share their
// snippet, so a test binary parses each snippet only once), and finds nodes
// in it with AST matchers.
//
//===----------------------------------------------------------------------===//

#ifndef HIGHWATER_TEST_UNIT_TESTAST_H
#define HIGHWATER_TEST_UNIT_TESTAST_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"
#include <map>
#include <memory>
#include <string>

#ifndef HIGHWATER_RESOURCE_DIR
#define HIGHWATER_RESOURCE_DIR "/usr/lib/llvm-22/lib/clang/22"
#endif

namespace clang::tidy::highwater::test {

/// The AST of \p Code, parsed as C++20 against the real standard library.
/// Cached: every call with the same snippet returns the same unit. A snippet
/// that does not compile fails the calling test.
inline ASTUnit &astFor(const std::string &Code) {
  static std::map<std::string, std::unique_ptr<ASTUnit>> Cache;
  std::unique_ptr<ASTUnit> &Slot = Cache[Code];
  if (!Slot) {
    Slot = tooling::buildASTFromCodeWithArgs(
        Code, {"-std=c++20", "-resource-dir=" HIGHWATER_RESOURCE_DIR},
        "input.cc");
    EXPECT_TRUE(Slot) << "could not build the AST";
    if (Slot)
      EXPECT_FALSE(Slot->getDiagnostics().hasErrorOccurred())
          << "the snippet does not compile";
  }
  return *Slot;
}

/// The first node that \p Matcher matches in the declarations of the main
/// file (the snippet, not the headers it includes, which would make every
/// search slow).
template <typename NodeT, typename MatcherT>
const NodeT *findFirst(const MatcherT &Matcher, ASTContext &Ctx) {
  using namespace ast_matchers;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    if (!SM.isInMainFile(SM.getExpansionLoc(D->getLocation())))
      continue;
    // The declaration itself, then its descendants in traversal order.
    if (const auto *Found =
            selectFirst<NodeT>("n", match(Matcher.bind("n"), *D, Ctx)))
      return Found;
    if (const auto *Found = selectFirst<NodeT>(
            "n", match(decl(forEachDescendant(Matcher.bind("n"))), *D, Ctx)))
      return Found;
  }
  return nullptr;
}

/// The function (or method) named \p Name.
inline const FunctionDecl *functionNamed(StringRef Name, ASTContext &Ctx) {
  using namespace ast_matchers;
  return findFirst<FunctionDecl>(
      functionDecl(hasName(Name), isDefinition()), Ctx);
}

/// The variable (or static data member) named \p Name.
inline const VarDecl *varNamed(StringRef Name, ASTContext &Ctx) {
  using namespace ast_matchers;
  return findFirst<VarDecl>(varDecl(hasName(Name)), Ctx);
}

/// The first call of a member function named \p Method inside the function
/// named \p Function.
inline const CXXMemberCallExpr *memberCallIn(StringRef Function,
                                             StringRef Method,
                                             ASTContext &Ctx) {
  using namespace ast_matchers;
  return findFirst<CXXMemberCallExpr>(
      cxxMemberCallExpr(callee(cxxMethodDecl(hasName(Method))),
                        hasAncestor(functionDecl(hasName(Function)))),
      Ctx);
}

/// The \p Index-th statement of \p Function's body, with the implicit
/// wrappers of a full expression (ExprWithCleanups, temporaries) stripped:
/// the node the CFG lists for it.
inline const Stmt *statementOf(const FunctionDecl *Function, unsigned Index) {
  if (!Function)
    return nullptr;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Function->getBody());
  if (!Body || Index >= Body->size())
    return nullptr;
  const Stmt *S = Body->body_begin()[Index];
  if (const auto *E = dyn_cast<Expr>(S))
    return E->IgnoreImplicit();
  return S;
}

} // namespace clang::tidy::highwater::test

#endif
