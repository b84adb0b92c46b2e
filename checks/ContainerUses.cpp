//===--- ContainerUses.cpp ------------------------------------------------===//

#include "ContainerUses.h"
#include "LifetimeModel.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::highwater {

const Expr *calledObject(const CXXMemberCallExpr *Call) {
  return Call ? containerObject(Call->getImplicitObjectArgument()) : nullptr;
}

bool isSingleElementRemoval(const CXXMemberCallExpr *Call) {
  const CXXMethodDecl *MD = Call ? Call->getMethodDecl() : nullptr;
  if (!MD || !MD->getIdentifier())
    return false;
  StringRef Name = MD->getName();
  if (Name == "pop_back" || Name == "pop_front" || Name == "pop")
    return Call->getNumArgs() == 0;
  return Name == "erase" && Call->getNumArgs() == 1;
}

bool isInsertionMethodName(StringRef Name) {
  static const llvm::StringSet<> Names = {
      "push_back",   "push_front",       "push",         "emplace",
      "emplace_back", "emplace_front",   "emplace_hint", "insert",
      "insert_or_assign", "try_emplace", "resize",       "assign",
      "append",      "merge",            "splice",       "splice_after",
      "insert_after", "emplace_after",   "insert_range", "append_range",
      "prepend_range", "push_range",     "assign_range", "swap"};
  return Names.contains(Name);
}

bool mentionsContainer(const Stmt *S, const Expr *Container,
                       const ASTContext &Ctx) {
  if (!S)
    return false;
  if (const auto *E = dyn_cast<Expr>(S))
    if (isSameContainer(E, Container, Ctx))
      return true;
  for (const Stmt *Child : S->children())
    if (mentionsContainer(Child, Container, Ctx))
      return true;
  return false;
}

namespace {

/// Looks for anything in a body that may put elements back.
class RefillFinder : public RecursiveASTVisitor<RefillFinder> {
public:
  RefillFinder(const Expr *Container, ASTContext &Ctx, unsigned Depth,
               llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen)
      : Container(Container), Ctx(Ctx), Depth(Depth), Seen(Seen) {
    ContainerDecl = namedContainerDecl(Container);
  }

  bool Found = false;

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const CXXMethodDecl *MD = Call->getMethodDecl();
    if (!MD)
      return true;
    if (isSameContainer(calledObject(Call), Container, Ctx)) {
      if (MD->getIdentifier() && isInsertionMethodName(MD->getName()))
        return stop();
      return true;
    }
    // A call on the object owning a member container may refill it.
    if (isa<CXXThisExpr>(
            Call->getImplicitObjectArgument()->IgnoreParenImpCasts()) &&
        isa_and_nonnull<FieldDecl>(ContainerDecl) && !MD->isConst())
      return calleeMayRefill(MD) ? stop() : true;
    return true;
  }

  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
    if (Op->getNumArgs() == 0 || !isSameContainer(Op->getArg(0), Container, Ctx))
      return true;
    OverloadedOperatorKind K = Op->getOperator();
    // operator[] inserts into maps; assignment replaces the contents.
    if (K == OO_Subscript || K == OO_Equal || K == OO_PlusEqual)
      return stop();
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    if (isa<CXXMemberCallExpr, CXXOperatorCallExpr>(Call))
      return true;
    const FunctionDecl *FD = Call->getDirectCallee();
    // The container passed by non-const reference or pointer.
    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      const Expr *Arg = Call->getArg(I)->IgnoreParenImpCasts();
      bool AddressTaken = false;
      if (const auto *UO = dyn_cast<UnaryOperator>(Arg))
        if (UO->getOpcode() == UO_AddrOf) {
          Arg = UO->getSubExpr();
          AddressTaken = true;
        }
      if (!isSameContainer(Arg, Container, Ctx))
        continue;
      if (AddressTaken || !FD || I >= FD->getNumParams())
        return stop();
      QualType P = FD->getParamDecl(I)->getType();
      if ((P->isReferenceType() || P->isPointerType()) &&
          !P->getPointeeType().isConstQualified())
        return stop();
    }
    // A free function that touches a global container.
    if (FD && isa_and_nonnull<VarDecl>(ContainerDecl) && calleeMayRefill(FD))
      return stop();
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_AddrOf &&
        isSameContainer(UO->getSubExpr(), Container, Ctx))
      return stop(); // Address escapes: anything may happen to it.
    return true;
  }

  bool TraverseLambdaExpr(LambdaExpr *) { return true; }

private:
  bool stop() {
    Found = true;
    return false;
  }

  /// Whether a called function may refill the container: unknown bodies
  /// of the owning class may; visible bodies are searched for a mention.
  bool calleeMayRefill(const FunctionDecl *FD) {
    const FunctionDecl *Def = nullptr;
    if (!FD->hasBody(Def) || !Def)
      return isa<CXXMethodDecl>(FD); // An opaque method of the owner may.
    if (Depth >= 3 || !Seen.insert(Def).second)
      return false;
    return referencesDecl(Def->getBody());
  }

  bool referencesDecl(const Stmt *S) {
    if (!S)
      return false;
    if (const auto *ME = dyn_cast<MemberExpr>(S))
      if (ME->getMemberDecl() == ContainerDecl)
        return true;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (DRE->getDecl() == ContainerDecl)
        return true;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        if (isa<CXXMemberCallExpr>(Call) || isa<VarDecl>(ContainerDecl)) {
          const FunctionDecl *Def = nullptr;
          if (Callee->hasBody(Def) && Def && Depth + 1 < 3 &&
              Seen.insert(Def).second) {
            ++Depth;
            bool R = referencesDecl(Def->getBody());
            --Depth;
            if (R)
              return true;
          }
        }
    for (const Stmt *Child : S->children())
      if (referencesDecl(Child))
        return true;
    return false;
  }

  const Expr *Container;
  const ValueDecl *ContainerDecl = nullptr;
  ASTContext &Ctx;
  unsigned Depth;
  llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen;
};

} // namespace

bool mayRefill(const Stmt *Body, const Expr *Container, ASTContext &Ctx) {
  if (!Body || !Container)
    return false;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
  RefillFinder Finder(Container, Ctx, 0, Seen);
  Finder.TraverseStmt(const_cast<Stmt *>(Body));
  return Finder.Found;
}

const ValueDecl *namedContainerDecl(const Expr *E) {
  E = containerObject(E);
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(E))
    return ME->getMemberDecl();
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    return DRE->getDecl();
  return nullptr;
}

void FillIndex::mark(const Expr *Container) {
  if (const ValueDecl *D = namedContainerDecl(Container))
    Unbounded.insert(cast<ValueDecl>(D->getCanonicalDecl()));
}

static bool isCompileTimeConstant(const Expr *E, const ASTContext &Ctx) {
  return !E->isValueDependent() && E->isEvaluatable(Ctx);
}

void FillIndex::observe(const CallExpr *Call, bool InsideLoop,
                        ASTContext &Ctx) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *MD = Member->getMethodDecl();
    if (!MD || !MD->getIdentifier())
      return;
    StringRef Name = MD->getName();
    const Expr *Object = calledObject(Member);
    if (Name == "resize" || Name == "reserve") {
      if (Member->getNumArgs() > 0 &&
          !isCompileTimeConstant(Member->getArg(0), Ctx))
        mark(Object);
      return;
    }
    if (!isInsertionMethodName(Name) || Name == "swap")
      return;
    // A range, an iterator pair, or another container's contents.
    bool FromRange = Name.ends_with("_range") || Name == "append" ||
                     Name == "assign" || Name == "merge" ||
                     Name.starts_with("splice");
    for (const Expr *Arg : Member->arguments()) {
      QualType T = Arg->getType().getNonReferenceType();
      if (!T->isIntegralOrEnumerationType() && !T->isPointerType() &&
          T->isRecordType() && Member->getNumArgs() >= 2)
        FromRange |= Name == "insert";
    }
    if (FromRange || InsideLoop)
      mark(Object);
    return;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Op->getNumArgs() != 2)
      return;
    switch (Op->getOperator()) {
    case OO_Subscript: // map[k] = v in a loop
      if (InsideLoop)
        mark(Op->getArg(0));
      return;
    case OO_PlusEqual: // s += chunk
      if (InsideLoop || !isa<StringLiteral>(
              Op->getArg(1)->IgnoreParenImpCasts()))
        mark(Op->getArg(0));
      return;
    case OO_Equal: { // v = computeAll();  not an emptying assignment
      const Expr *Source = Op->getArg(1)->IgnoreImplicit();
      if (const auto *List = dyn_cast<InitListExpr>(Source);
          List && List->getNumInits() == 0)
        return;
      if (const auto *Construct = dyn_cast<CXXConstructExpr>(Source);
          Construct && Construct->getNumArgs() == 0)
        return;
      if (isa<StringLiteral>(Source->IgnoreParenImpCasts()))
        return;
      mark(Op->getArg(0));
      return;
    }
    default:
      return;
    }
  }
  // A container handed to a function that may fill it.
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return;
  for (unsigned I = 0; I < Call->getNumArgs() && I < FD->getNumParams(); ++I) {
    QualType P = FD->getParamDecl(I)->getType();
    if (!P->isReferenceType() && !P->isPointerType())
      continue;
    if (P->getPointeeType().isConstQualified())
      continue;
    const Expr *Arg = Call->getArg(I)->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(Arg))
      if (UO->getOpcode() == UO_AddrOf)
        Arg = UO->getSubExpr();
    if (Arg->getType()->isRecordType())
      mark(Arg);
  }
}

static bool canExitEarlyImpl(const Stmt *S, bool InNestedBreakable) {
  if (!S)
    return false;
  if (isa<ReturnStmt, GotoStmt, CXXThrowExpr, CoreturnStmt, IndirectGotoStmt>(S))
    return true;
  if (isa<BreakStmt>(S))
    return !InNestedBreakable;
  if (isa<LambdaExpr, BlockExpr>(S))
    return false;
  bool Nested = InNestedBreakable ||
                isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt>(S);
  for (const Stmt *Child : S->children())
    if (canExitEarlyImpl(Child, Nested))
      return true;
  return false;
}

bool canExitEarly(const Stmt *Body) {
  return canExitEarlyImpl(Body, /*InNestedBreakable=*/false);
}

} // namespace clang::tidy::highwater
