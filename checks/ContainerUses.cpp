//===--- ContainerUses.cpp ------------------------------------------------===//

#include "ContainerUses.h"
#include "ContainerModel.h"
#include "LifetimeModel.h"
#include "clang/Basic/SourceManager.h"
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

/// `m[k]` on a map, which inserts a missing key; a vector's or string's
/// `v[i]` only reaches an element that exists.
static bool isInsertingSubscript(const CXXOperatorCallExpr *Op) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
  if (!Method || Method->isConst())
    return false;
  return !memberTypedef(Method->getParent(), "mapped_type",
                        Method->getASTContext())
              .isNull();
}

namespace {

/// Looks for anything in a body that may put elements back.
class RefillFinder : public BodyVisitor<RefillFinder> {
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
    if ((K == OO_Subscript && isInsertingSubscript(Op)) || K == OO_Equal ||
        K == OO_PlusEqual)
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

/// Whether \p A comes before \p B once macros are expanded.
static bool isExpandedBefore(SourceLocation A, SourceLocation B,
                             const SourceManager &SM) {
  A = SM.getExpansionLoc(A);
  B = SM.getExpansionLoc(B);
  return A.isValid() && B.isValid() && SM.isBeforeInTranslationUnit(A, B);
}

void FillIndex::mark(const Expr *Container, const CallExpr *Call,
                     const FunctionDecl *Function, bool CountsForStrings,
                     const Stmt *ReaderLoop) {
  if (const ValueDecl *D = namedContainerDecl(Container))
    Fills[cast<ValueDecl>(D->getCanonicalDecl())].push_back(
        {Function ? Function->getCanonicalDecl() : nullptr,
         Call->getBeginLoc(), CountsForStrings, ReaderLoop});
}

void FillIndex::observeEmptying(const Expr *Container, const Stmt *Loop) {
  if (!Loop)
    return;
  if (const ValueDecl *D = namedContainerDecl(Container))
    EmptiedInLoop.insert({cast<ValueDecl>(D->getCanonicalDecl()), Loop});
}

bool FillIndex::anyFill(const ValueDecl *D, bool IsString,
                        llvm::function_ref<bool(const Fill &)> Pred) const {
  if (!D)
    return false;
  const auto *Canonical = cast<ValueDecl>(D->getCanonicalDecl());
  auto It = Fills.find(Canonical);
  return It != Fills.end() && llvm::any_of(It->second, [&](const Fill &F) {
           if (F.ReaderLoop && EmptiedInLoop.contains({Canonical, F.ReaderLoop}))
             return false;
           return (!IsString || F.CountsForStrings) && Pred(F);
         });
}

bool FillIndex::isRefilledAfter(const ValueDecl *D, bool IsString,
                                const FunctionDecl *Function, const Stmt *Site,
                                const SourceManager &SM) const {
  if (!Function)
    return false;
  return anyFill(D, IsString, [&](const Fill &F) {
    return F.Function == Function->getCanonicalDecl() &&
           isExpandedBefore(Site->getBeginLoc(), F.Where, SM);
  });
}

bool FillIndex::isFilledUnbounded(const ValueDecl *D, bool IsString,
                                  const FunctionDecl *OutsideOf) const {
  const FunctionDecl *Excluded =
      OutsideOf ? OutsideOf->getCanonicalDecl() : nullptr;
  return anyFill(D, IsString, [&](const Fill &F) {
    return !Excluded || F.Function != Excluded;
  });
}

static bool isCompileTimeConstant(const Expr *E, const ASTContext &Ctx) {
  return !E->isValueDependent() && E->isEvaluatable(Ctx);
}

void FillIndex::observe(const CallExpr *Call, const Stmt *Loop,
                        const FunctionDecl *Function, ASTContext &Ctx) {
  const bool InsideLoop = Loop != nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *MD = Member->getMethodDecl();
    if (!MD || !MD->getIdentifier())
      return;
    StringRef Name = MD->getName();
    const Expr *Object = calledObject(Member);
    if (Name == "resize" || Name == "reserve") {
      if (Member->getNumArgs() > 0 &&
          !isCompileTimeConstant(Member->getArg(0), Ctx))
        mark(Object, Call, Function, /*CountsForStrings=*/true);
      return;
    }
    if (Name == "swap")
      return;
    if (!isInsertionMethodName(Name)) {
      markReaderArguments(Call, Loop, Function); // src.read(batch)
      return;
    }
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
      mark(Object, Call, Function, /*CountsForStrings=*/InsideLoop);
    return;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Op->getNumArgs() != 2)
      return;
    switch (Op->getOperator()) {
    case OO_Subscript: // map[k] = v in a loop; v[i] reads or overwrites
      if (InsideLoop && isInsertingSubscript(Op))
        mark(Op->getArg(0), Call, Function, /*CountsForStrings=*/true);
      return;
    case OO_PlusEqual: // s += chunk
      if (InsideLoop || !isa<StringLiteral>(
              Op->getArg(1)->IgnoreParenImpCasts()))
        mark(Op->getArg(0), Call, Function, /*CountsForStrings=*/InsideLoop);
      return;
    case OO_Equal: { // v = other;  not an emptying assignment
      // A move assignment hands the old buffer back and takes the source's:
      // a container fed that way does not ratchet up to its peak.
      if (const auto *Method =
              dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
          Method && Method->isMoveAssignmentOperator())
        return;
      const Expr *Source = Op->getArg(1)->IgnoreImplicit();
      if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Source))
        Source = Cast->getSubExpr()->IgnoreImplicit();
      // A braced list, empty or not (`v = {}`, `v = T{{a, b}}`): as many
      // elements as the code spells out.
      if (isa<InitListExpr, CXXStdInitializerListExpr>(Source))
        return;
      if (const auto *Construct = dyn_cast<CXXConstructExpr>(Source);
          Construct && (Construct->getNumArgs() == 0 ||
                        Construct->isListInitialization() ||
                        isa<CXXStdInitializerListExpr>(
                            Construct->getArg(0)->IgnoreImplicit())))
        return;
      if (isa<StringLiteral>(Source->IgnoreParenImpCasts()))
        return;
      mark(Op->getArg(0), Call, Function, /*CountsForStrings=*/false);
      return;
    }
    default:
      return;
    }
  }
  markReaderArguments(Call, Loop, Function);
}

void FillIndex::markReaderArguments(const CallExpr *Call, const Stmt *Loop,
                                    const FunctionDecl *Function) {
  // A container handed to a function that may fill it.
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !Loop)
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
    // One call fills it with one item's worth (a decoder's output); a
    // reader called in a loop streams data into it, unless the loop empties
    // it each time round (decided once the whole TU is seen).
    if (Arg->getType()->isRecordType())
      mark(Arg, Call, Function, /*CountsForStrings=*/true, /*ReaderLoop=*/Loop);
  }
}

namespace {
/// Calls \p Visit on every statement under \p S, lambdas included.
void forEachStmt(const Stmt *S, llvm::function_ref<void(const Stmt *)> Visit) {
  if (!S)
    return;
  Visit(S);
  for (const Stmt *Child : S->children())
    forEachStmt(Child, Visit);
}

bool isBefore(const Stmt *A, const Stmt *B, const ASTContext &Ctx) {
  return isExpandedBefore(A->getBeginLoc(), B->getBeginLoc(),
                          Ctx.getSourceManager());
}

/// The object whose member \p Container is (`this` for an implicit or
/// explicit `this->m_`), or null when it is not a member.
const Expr *ownerOf(const Expr *Container) {
  const auto *ME = dyn_cast_or_null<MemberExpr>(containerObject(Container));
  if (!ME)
    return nullptr;
  return ME->getBase()->IgnoreParenImpCasts();
}

bool isAllocation(const Expr *E) {
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  if (!E)
    return false;
  if (isa<CXXNewExpr>(E))
    return true;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      Construct && Construct->getNumArgs() == 1)
    return isAllocation(Construct->getArg(0));
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
    return isAllocation(Bind->getSubExpr());
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
    return isAllocation(Temp->getSubExpr());
  return isStdFunctionCall(dyn_cast<CallExpr>(E), {"make_unique", "make_shared"});
}
} // namespace

bool isEmptyingMoot(const Stmt *Body, const Expr *Site, const Expr *Container,
                    const ASTContext &Ctx) {
  const Expr *Owner = ownerOf(Container);
  const auto *OwnerRef = dyn_cast_or_null<DeclRefExpr>(Owner);
  const auto *OwnerVar =
      OwnerRef ? dyn_cast<VarDecl>(OwnerRef->getDecl()) : nullptr;
  if (OwnerVar && OwnerVar->hasLocalStorage() && isAllocation(OwnerVar->getInit()))
    return true;
  bool Moot = false;
  forEachStmt(Body, [&](const Stmt *S) {
    if (Moot)
      return;
    // auto Old = std::move(c); ... c.clear();
    if (const auto *Call = dyn_cast<CallExpr>(S);
        Call && isStdFunctionCall(Call, {"move"}) && Call->getNumArgs() == 1 &&
        isSameContainer(Call->getArg(0), Container, Ctx) && isBefore(S, Site, Ctx))
      Moot = true;
    // p = new Owner; ... p->c.clear();
    if (const auto *Assign = dyn_cast<BinaryOperator>(S);
        OwnerVar && Assign && Assign->getOpcode() == BO_Assign &&
        isAllocation(Assign->getRHS()) && isBefore(S, Site, Ctx))
      if (const auto *LHS =
              dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts());
          LHS && LHS->getDecl() == OwnerVar)
        Moot = true;
    // c.clear(); delete this;
    if (const auto *Delete = dyn_cast<CXXDeleteExpr>(S);
        Delete && Owner && isBefore(Site, S, Ctx)) {
      const Expr *Deleted = Delete->getArgument()->IgnoreParenImpCasts();
      if (isa<CXXThisExpr>(Owner) ? isa<CXXThisExpr>(Deleted)
                                  : isSameContainer(Deleted, Owner, Ctx))
        Moot = true;
    }
  });
  return Moot;
}

bool callsMethodOn(
    const Stmt *S, const Expr *Container, ArrayRef<StringRef> Methods,
    const ASTContext &Ctx,
    llvm::function_ref<bool(const CXXMemberCallExpr *)> Accept) {
  if (!S)
    return false;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *MD = Call->getMethodDecl();
    if (MD && MD->getIdentifier() && llvm::is_contained(Methods, MD->getName()) &&
        isSameContainer(calledObject(Call), Container, Ctx) &&
        (!Accept || Accept(Call)))
      return true;
  }
  for (const Stmt *Child : S->children())
    if (callsMethodOn(Child, Container, Methods, Ctx, Accept))
      return true;
  return false;
}

bool isSetUpBefore(const Stmt *Body, const Expr *Site, const Expr *Container,
                   const ASTContext &Ctx) {
  return callsMethodOn(Body, Container, {"reserve", "clear"}, Ctx,
                       [&](const CXXMemberCallExpr *Call) {
                         return isBefore(Call, Site, Ctx);
                       });
}

bool isRemoveFamilyCall(const CallExpr *Call) {
  static constexpr StringRef Family[] = {"remove", "remove_if", "unique",
                                         "partition", "stable_partition"};
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(Call)) {
    // std::ranges algorithms are function objects: __remove_if_fn & co.
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
    if (!MD || Op->getOperator() != OO_Call || !MD->getParent()->getIdentifier())
      return false;
    StringRef Name = MD->getParent()->getName();
    return Name.consume_front("__") && Name.consume_back("_fn") &&
           llvm::is_contained(Family, Name) &&
           StringRef(qualifiedNameWithoutInlineNamespaces(MD->getParent()))
               .starts_with("std::ranges::");
  }
  return isStdFunctionCall(Call, Family);
}

bool isEraseRemoveIdiom(const CXXMemberCallExpr *Erase) {
  if (!Erase || Erase->getNumArgs() != 2)
    return false;
  const Expr *First = ignoreCopies(Erase->getArg(0));
  // The new end kept in a local first: `auto End = std::remove(...);`.
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(First))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
        Var && Var->hasLocalStorage() && Var->getInit())
      First = ignoreCopies(Var->getInit());
  // std::ranges::remove_if returns a subrange: `.begin()` of it.
  if (const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(First))
    First = ignoreCopies(Member->getImplicitObjectArgument());
  return isRemoveFamilyCall(dyn_cast_or_null<CallExpr>(First));
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
