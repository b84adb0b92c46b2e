//===--- AnalysisUtils.h - source and AST helpers shared by the checks ----===//

#ifndef HIGHWATER_CHECKS_ANALYSISUTILS_H
#define HIGHWATER_CHECKS_ANALYSISUTILS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include <memory>
#include <optional>
#include <string>

namespace clang::tidy::highwater {

/// One function body under analysis and the parents of its statements.
///
/// The checks match function definitions and walk their bodies themselves;
/// the parent map is built per body, and only when a candidate needs it.
/// (ASTContext::getParents() would map the whole translation unit, headers
/// included: most of a check's cost, measured in bench/.)
class FunctionScope {
public:
  explicit FunctionScope(const FunctionDecl *Function) : Function(Function) {}
  const FunctionDecl *function() const { return Function; }
  /// The parent statement of \p S in the body, or null at the top.
  const Stmt *parentOf(const Stmt *S) const;
  /// The function whose body holds \p S: the call operator of the
  /// innermost lambda around it, or this scope's function.
  const FunctionDecl *functionOf(const Stmt *S) const;

private:
  const FunctionDecl *Function;
  mutable std::unique_ptr<ParentMap> Parents;
};

/// Walks the statements of a function body and nothing else: types,
/// qualifiers and template arguments hold no evaluated code, and skipping
/// them makes the walk several times cheaper.
template <typename Derived>
class BodyVisitor : public RecursiveASTVisitor<Derived> {
public:
  bool TraverseType(QualType, bool = true) { return true; }
  bool TraverseTypeLoc(TypeLoc, bool = true) { return true; }
  bool TraverseNestedNameSpecifier(NestedNameSpecifier) { return true; }
  bool TraverseNestedNameSpecifierLoc(NestedNameSpecifierLoc) { return true; }
  bool TraverseTemplateArgument(const TemplateArgument &) { return true; }
  bool TraverseTemplateArgumentLoc(const TemplateArgumentLoc &) { return true; }
};

/// Walks a function body keeping track of the loops around the current
/// node; a lambda's body starts outside any loop.
template <typename Derived>
class LoopAwareVisitor : public BodyVisitor<Derived> {
  using Base = BodyVisitor<Derived>;

public:
  bool insideLoop() const { return InnermostLoop != nullptr; }
  /// The innermost loop around the current node, or null.
  const Stmt *innermostLoop() const { return InnermostLoop; }
  bool TraverseForStmt(ForStmt *S) { return inLoop(S, [&] { return Base::TraverseForStmt(S); }); }
  bool TraverseWhileStmt(WhileStmt *S) { return inLoop(S, [&] { return Base::TraverseWhileStmt(S); }); }
  bool TraverseDoStmt(DoStmt *S) { return inLoop(S, [&] { return Base::TraverseDoStmt(S); }); }
  bool TraverseCXXForRangeStmt(CXXForRangeStmt *S) {
    return inLoop(S, [&] { return Base::TraverseCXXForRangeStmt(S); });
  }
  bool TraverseLambdaExpr(LambdaExpr *L) {
    return inLoop(nullptr, [&] { return Base::TraverseLambdaExpr(L); });
  }

private:
  template <typename F> bool inLoop(const Stmt *Loop, F Traverse) {
    const Stmt *Saved = InnermostLoop;
    InnermostLoop = Loop;
    bool Result = Traverse();
    InnermostLoop = Saved;
    return Result;
  }
  const Stmt *InnermostLoop = nullptr;
};

/// The definitions the checks analyse: functions with a body in the
/// user's code (not in system headers), lambdas included through their
/// enclosing function.
///
/// The matcher is only `functionDecl(isDefinition())`: the other conditions
/// are checked by analysedFunctionOf() in plain code, once per match, which
/// costs less than evaluating a composed matcher on every function
/// declaration of the TU for each check (measured in bench/).
ast_matchers::DeclarationMatcher analysedFunction();

/// The function bound by analysedFunction(), or null when it is not to be
/// analysed: in a system header, a lambda's call operator, implicit or
/// defaulted, invalid, without a body, or, unless \p WithTemplatePatterns,
/// a template pattern (templates are diagnosed in their instantiations,
/// where types are known).
const FunctionDecl *
analysedFunctionOf(const ast_matchers::MatchFinder::MatchResult &Result,
                   bool WithTemplatePatterns = false);

/// The value of the integer constant expression \p E (saturated to 64
/// bits), or nothing if \p E is not one.
std::optional<uint64_t> constantValue(const Expr *E, const ASTContext &Ctx);

/// \p E without parens, implicit casts and temporary wrappers
/// (materialisation, binding, cleanups).
const Expr *ignoreWrappers(const Expr *E);

/// ignoreWrappers(), and also the copies, moves and conversions that pass a
/// value along (a one-argument, non-list construction).
const Expr *ignoreCopies(const Expr *E);

/// True when \p S names \p D anywhere (a reference or a member access).
bool mentionsDecl(const Stmt *S, const ValueDecl *D);

/// The statement whose whole expression \p E is (its value unused), or null.
const Stmt *statementHolding(const Expr *E, const FunctionScope &Scope);

/// The location just after the `;` that ends the statement \p S ends in.
SourceLocation locationAfterSemicolon(const Stmt *S, const ASTContext &Ctx);

/// The text of \p E as written, or "" when it comes from a macro.
std::string spelling(const Expr *E, const ASTContext &Ctx);

/// The container as it can be named in a statement: `(*p)` for a pointer.
std::string objectSpelling(const Expr *Object, const ASTContext &Ctx);

/// The type of \p D as written at its declaration when that spelling names
/// the same type inside \p User, else `decltype(<ObjectText>)`.
std::string spelledTypeFor(const ValueDecl *D, const FunctionDecl *User,
                           StringRef ObjectText, const ASTContext &Ctx);

/// True when any part of \p R comes from a macro expansion.
bool touchesMacro(SourceRange R);

/// True when \p Call calls a function of namespace std (not a member) named
/// one of \p Names: `std::move`, `std::min`, `std::remove_if`...
bool isStdFunctionCall(const CallExpr *Call, ArrayRef<StringRef> Names);

} // namespace clang::tidy::highwater

#endif
