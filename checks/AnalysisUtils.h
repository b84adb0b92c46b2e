//===--- AnalysisUtils.h - source and AST helpers shared by the checks ----===//

#ifndef HIGHWATER_CHECKS_ANALYSISUTILS_H
#define HIGHWATER_CHECKS_ANALYSISUTILS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include <string>

namespace clang::tidy::highwater {

/// The function whose body holds \p S: a lambda's call operator when \p S is
/// inside a lambda.
const FunctionDecl *enclosingFunction(const Stmt *S, ASTContext &Ctx);

/// \p E without parens, implicit casts and temporary wrappers
/// (materialisation, binding, cleanups).
const Expr *ignoreWrappers(const Expr *E);

/// ignoreWrappers(), and also the copies, moves and conversions that pass a
/// value along (a one-argument, non-list construction).
const Expr *ignoreCopies(const Expr *E);

/// True when \p S names \p D anywhere (a reference or a member access).
bool mentionsDecl(const Stmt *S, const ValueDecl *D);

/// The statement whose whole expression \p E is (its value unused), or null.
const Stmt *statementHolding(const Expr *E, ASTContext &Ctx);

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

} // namespace clang::tidy::highwater

#endif
