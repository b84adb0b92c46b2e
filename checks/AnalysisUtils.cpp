//===--- AnalysisUtils.cpp ------------------------------------------------===//

#include "AnalysisUtils.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::highwater {

const FunctionDecl *enclosingFunction(const Stmt *S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(*S);
  for (unsigned Depth = 0; !Parents.empty() && Depth < 512; ++Depth) {
    const DynTypedNode &Parent = Parents[0];
    if (const auto *FD = Parent.get<FunctionDecl>())
      return FD;
    if (const auto *Lambda = Parent.get<LambdaExpr>())
      return Lambda->getCallOperator();
    if (Parent.get<Decl>() && !Parent.get<VarDecl>() && !Parent.get<DeclStmt>())
      return nullptr; // A field initializer or the like.
    Parents = Ctx.getParents(Parent);
  }
  return nullptr;
}

bool touchesMacro(SourceRange R) {
  return R.isInvalid() || R.getBegin().isMacroID() || R.getEnd().isMacroID();
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
