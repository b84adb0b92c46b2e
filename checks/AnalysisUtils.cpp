//===--- AnalysisUtils.cpp ------------------------------------------------===//

#include "AnalysisUtils.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::highwater {

const Stmt *FunctionScope::parentOf(const Stmt *S) const {
  if (!Parents) {
    Stmt *Body = Function->getBody();
    if (!Body)
      return nullptr;
    Parents = std::make_unique<ParentMap>(Body);
  }
  return Parents->getParent(S);
}

const FunctionDecl *FunctionScope::functionOf(const Stmt *S) const {
  for (const Stmt *P = parentOf(S); P; P = parentOf(P))
    if (const auto *Lambda = dyn_cast<LambdaExpr>(P))
      return Lambda->getCallOperator();
  return Function;
}

ast_matchers::DeclarationMatcher analysedFunction() {
  using namespace ast_matchers;
  return functionDecl(isDefinition()).bind("function");
}

const FunctionDecl *
analysedFunctionOf(const ast_matchers::MatchFinder::MatchResult &Result,
                   bool WithTemplatePatterns) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  // Implicit and defaulted members hold no code the user wrote.
  if (!Function || Function->isImplicit() || Function->isDefaulted() ||
      !Function->getBody() || Function->isInvalidDecl() ||
      (!WithTemplatePatterns && Function->isDependentContext()))
    return nullptr;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Function);
      Method && Method->getParent()->isLambda())
    return nullptr; // Walked with its enclosing function.
  const SourceManager &SM = *Result.SourceManager;
  if (SM.isInSystemHeader(SM.getExpansionLoc(Function->getBeginLoc())))
    return nullptr;
  return Function;
}

std::optional<uint64_t> constantValue(const Expr *E, const ASTContext &Ctx) {
  Expr::EvalResult R;
  if (E->isValueDependent() || !E->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return R.Val.getInt().getLimitedValue();
}

const Expr *ignoreWrappers(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      E = C->getSubExpr();
    else
      return E;
  }
  return E;
}

const Expr *ignoreCopies(const Expr *E) {
  while (E) {
    E = ignoreWrappers(E);
    const auto *Construct = dyn_cast<CXXConstructExpr>(E);
    if (!Construct || Construct->getNumArgs() != 1 ||
        Construct->isListInitialization() ||
        isa<CXXTemporaryObjectExpr>(Construct))
      return E;
    E = Construct->getArg(0);
  }
  return E;
}

bool mentionsDecl(const Stmt *S, const ValueDecl *D) {
  if (!S || !D)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (DRE->getDecl()->getCanonicalDecl() == D->getCanonicalDecl())
      return true;
  if (const auto *ME = dyn_cast<MemberExpr>(S))
    if (ME->getMemberDecl()->getCanonicalDecl() == D->getCanonicalDecl())
      return true;
  for (const Stmt *Child : S->children())
    if (mentionsDecl(Child, D))
      return true;
  return false;
}

const Stmt *statementHolding(const Expr *E, const FunctionScope &Scope) {
  const Stmt *Parent = Scope.parentOf(E);
  while (isa_and_nonnull<ExprWithCleanups>(Parent))
    Parent = Scope.parentOf(Parent);
  return isa_and_nonnull<Expr>(Parent) ? nullptr : Parent; // Else used.
}

SourceLocation locationAfterSemicolon(const Stmt *S, const ASTContext &Ctx) {
  return Lexer::findLocationAfterToken(S->getEndLoc(), tok::semi,
                                       Ctx.getSourceManager(), Ctx.getLangOpts(),
                                       /*SkipTrailingWhitespaceAndNewLine=*/false);
}

bool touchesMacro(SourceRange R) {
  return R.isInvalid() || R.getBegin().isMacroID() || R.getEnd().isMacroID();
}

bool isStdFunctionCall(const CallExpr *Call, ArrayRef<StringRef> Names) {
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  return FD && FD->getIdentifier() && FD->isInStdNamespace() &&
         !isa<CXXMethodDecl>(FD) && llvm::is_contained(Names, FD->getName());
}

std::string spelling(const Expr *E, const ASTContext &Ctx) {
  if (!E || touchesMacro(E->getSourceRange()))
    return "";
  return Lexer::getSourceText(CharSourceRange::getTokenRange(E->getSourceRange()),
                              Ctx.getSourceManager(), Ctx.getLangOpts())
      .str();
}

std::string objectSpelling(const Expr *Object, const ASTContext &Ctx) {
  if (!Object)
    return "";
  Object = Object->IgnoreParenImpCasts();
  if (const auto *ME = dyn_cast<MemberExpr>(Object))
    if (ME->isImplicitAccess() || isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      if (ME->getBase()->isImplicitCXXThis())
        return ME->getMemberDecl()->getNameAsString();
  std::string Text = spelling(Object, Ctx);
  if (Text.empty())
    return "";
  if (Object->getType()->isPointerType())
    return "(*" + Text + ")";
  return Text;
}

std::string spelledTypeFor(const ValueDecl *D, const FunctionDecl *User,
                           StringRef ObjectText, const ASTContext &Ctx) {
  const auto *DD = dyn_cast_or_null<DeclaratorDecl>(D);
  if (DD && User && DD->getTypeSourceInfo() &&
      !DD->getType()->getContainedAutoType() &&
      !DD->getType()->isReferenceType() && !DD->getType()->isPointerType()) {
    SourceRange R = DD->getTypeSourceInfo()->getTypeLoc().getSourceRange();
    if (!touchesMacro(R)) {
      StringRef Text = Lexer::getSourceText(CharSourceRange::getTokenRange(R),
                                            Ctx.getSourceManager(),
                                            Ctx.getLangOpts());
      Text = Text.trim();
      const DeclContext *Where = DD->getDeclContext();
      bool Visible = Text.starts_with("std::") || Text.starts_with("::") ||
                     Where->Encloses(User) || Where == User;
      if (!Text.empty() && Visible && !Text.starts_with("const ") &&
          !Text.contains("static ") && !Text.contains("thread_local"))
        return Text.str();
    }
  }
  return "decltype(" + ObjectText.str() + ")";
}

} // namespace clang::tidy::highwater
