//===--- ReleaseAnalysis.cpp ----------------------------------------------===//

#include "ReleaseAnalysis.h"
#include "AnalysisUtils.h"
#include "ContainerUses.h"
#include "LifetimeModel.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/ParentMap.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::highwater {

/// ignoreWrappers(), and a functional cast `T(x)` around a temporary.
static const Expr *skipTemporaries(const Expr *E) {
  while (E) {
    E = ignoreWrappers(E);
    const auto *F = dyn_cast<CXXFunctionalCastExpr>(E);
    if (!F)
      return E;
    E = F->getSubExpr();
  }
  return E;
}

static bool isCallTo(const CallExpr *Call, StringRef Name) {
  const FunctionDecl *FD = Call->getDirectCallee();
  return FD && FD->getIdentifier() && FD->getName() == Name &&
         (FD->isInStdNamespace() || Name == "swap");
}

/// A non-static, non-reference local variable: whatever it receives dies
/// with it.
static bool isOwnedLocal(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(skipTemporaries(E));
  const auto *Var = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return Var && Var->hasLocalStorage() && !Var->getType()->isReferenceType() &&
         !Var->getType()->isPointerType();
}

/// A freshly constructed, empty container: T(), T{}, decltype(x)(), or the
/// contents of an owned local moved in.
static bool isFreshContainer(const Expr *E) {
  E = skipTemporaries(E);
  if (!E)
    return false;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    if (Construct->getNumArgs() == 0)
      return true;
    if (llvm::all_of(Construct->arguments(),
                     [](const Expr *A) { return isa<CXXDefaultArgExpr>(A); }))
      return true;
    // A move or copy construction from a fresh container.
    if (Construct->getNumArgs() == 1) {
      if (isFreshContainer(Construct->getArg(0)))
        return true;
      // T(x.get_allocator()), T(&resource): empty, with the same allocator.
      QualType Arg = Construct->getArg(0)->getType().getNonReferenceType();
      if (Arg->isPointerType())
        Arg = Arg->getPointeeType();
      const auto *ArgRecord = Arg->getAsCXXRecordDecl();
      if (ArgRecord && ArgRecord->getIdentifier() &&
          ArgRecord != Construct->getType()->getAsCXXRecordDecl()) {
        StringRef Name = ArgRecord->getName();
        return Name.contains("allocator") || Name.contains("memory_resource");
      }
    }
    return false;
  }
  if (const auto *List = dyn_cast<InitListExpr>(E))
    return List->getNumInits() == 0;
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (isCallTo(Call, "move") && Call->getNumArgs() == 1)
      return isOwnedLocal(Call->getArg(0));
  return false;
}

static bool isZero(const Expr *E, const ASTContext &Ctx) {
  Expr::EvalResult Result;
  return !E->isValueDependent() && E->EvaluateAsInt(Result, Ctx) &&
         Result.Val.getInt().isZero();
}

static bool takesInitializerList(const FunctionDecl *FD) {
  if (!FD || FD->getNumParams() != 1)
    return false;
  QualType T = FD->getParamDecl(0)->getType().getNonReferenceType();
  const auto *RD = T.getCanonicalType()->getAsCXXRecordDecl();
  return RD && RD->getName() == "initializer_list" && RD->isInStdNamespace();
}

/// Assignment operator calls: (callee, assigned-to, assigned-from).
struct Assignment {
  const CXXMethodDecl *Operator = nullptr;
  const Expr *Target = nullptr;
  const Expr *Source = nullptr;
};

static std::optional<Assignment> asAssignment(const Stmt *S) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (Op->getOperator() != OO_Equal || Op->getNumArgs() != 2)
      return std::nullopt;
    return Assignment{dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee()),
                      Op->getArg(0), Op->getArg(1)};
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *MD = Call->getMethodDecl();
    if (!MD || MD->getOverloadedOperator() != OO_Equal || Call->getNumArgs() != 1)
      return std::nullopt;
    return Assignment{MD, Call->getImplicitObjectArgument(), Call->getArg(0)};
  }
  return std::nullopt;
}

bool isStorageKeepingAssignment(const Stmt *S, const Expr *Container,
                                const ContainerInfo &Info, ASTContext &Ctx) {
  std::optional<Assignment> A = asAssignment(S);
  if (!A || !A->Operator || !isSameContainer(A->Target, Container, Ctx))
    return false;
  if (Info.Family->IsAdaptor || Info.Storage == StorageKind::Node ||
      Info.Storage == StorageKind::Deque)
    return false;
  const Expr *Source = skipTemporaries(A->Source);
  if (takesInitializerList(A->Operator)) {
    // `x = {}` passes a value-initialised, empty initializer_list.
    if (const auto *Empty = dyn_cast<CXXConstructExpr>(Source))
      return Empty->getNumArgs() == 0;
    if (const auto *Std = dyn_cast<CXXStdInitializerListExpr>(Source))
      Source = skipTemporaries(Std->getSubExpr());
    const auto *List = dyn_cast<InitListExpr>(Source);
    return List && List->getNumInits() == 0;
  }
  if (Info.Storage == StorageKind::String) {
    if (const auto *Literal = dyn_cast<StringLiteral>(Source))
      return Literal->getLength() == 0;
    // `s = std::string()`: an empty temporary, not `s = std::move(other)`.
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Source))
      return llvm::all_of(Construct->arguments(), [](const Expr *Arg) {
        return isa<CXXDefaultArgExpr>(Arg);
      });
    return false;
  }
  return false;
}

bool isReleaseOf(const Stmt *S, const Expr *Container,
                 const ContainerInfo &Info, ASTContext &Ctx) {
  if (!S || !Container)
    return false;
  const bool NoInPlace = Info.Family && Info.Family->NoInPlaceRelease;

  if (std::optional<Assignment> A = asAssignment(S)) {
    if (!A->Operator || !isSameContainer(A->Target, Container, Ctx))
      return false;
    if (NoInPlace || Info.Storage == StorageKind::String ||
        takesInitializerList(A->Operator) ||
        !A->Operator->isMoveAssignmentOperator())
      return false;
    return isFreshContainer(A->Source);
  }

  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *MD = Call->getMethodDecl();
    if (!MD || !MD->getIdentifier())
      return false;
    StringRef Name = MD->getName();
    const Expr *Object = Call->getImplicitObjectArgument();
    if (Name == "swap" && Call->getNumArgs() == 1) {
      const Expr *Other = Call->getArg(0);
      if (NoInPlace)
        return false;
      if (isSameContainer(Object, Container, Ctx))
        return isFreshContainer(Other) || isOwnedLocal(Other);
      if (isSameContainer(Other, Container, Ctx))
        return isFreshContainer(Object) || isOwnedLocal(Object);
      return false;
    }
    if (!isSameContainer(Object, Container, Ctx))
      return false;
    if (Name == "shrink_to_fit")
      return Info.Storage != StorageKind::Deque;
    if (Name == "shrink_and_clear")
      return true;
    if ((Name == "rehash" || Name == "reserve") && Info.isHashTable() &&
        Call->getNumArgs() == 1)
      return isZero(Call->getArg(0), Ctx);
    return false;
  }

  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (isa<CXXOperatorCallExpr>(Call))
      return false;
    if (isCallTo(Call, "swap") && Call->getNumArgs() == 2 && !NoInPlace) {
      const Expr *A = Call->getArg(0), *B = Call->getArg(1);
      if (isSameContainer(A, Container, Ctx))
        return isFreshContainer(B) || isOwnedLocal(B);
      if (isSameContainer(B, Container, Ctx))
        return isFreshContainer(A) || isOwnedLocal(A);
      return false;
    }
    if (isCallTo(Call, "exchange") && Call->getNumArgs() == 2 && !NoInPlace)
      return isSameContainer(Call->getArg(0), Container, Ctx);
  }
  return false;
}

bool managesCapacity(const Stmt *Body, const Expr *Container,
                     const ASTContext &Ctx) {
  return callsMethodOn(Body, Container, {"capacity", "bucket_count"}, Ctx);
}

/// The loop or switch a break leaves.
static const Stmt *breakTarget(const BreakStmt *Break, const ParentMap &Parents) {
  for (const Stmt *Parent = Parents.getParent(Break); Parent;
       Parent = Parents.getParent(Parent))
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt>(Parent))
      return Parent;
  return nullptr;
}

ReleaseAnalysis::FunctionCFG *ReleaseAnalysis::get(const FunctionDecl *Function,
                                                   ASTContext &Ctx) {
  std::unique_ptr<FunctionCFG> &Slot = Cache[Function];
  if (Slot)
    return Slot.get();
  Slot = std::make_unique<FunctionCFG>();
  Stmt *Body = Function->getBody();
  if (!Body)
    return Slot.get();
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  Options.AddImplicitDtors = false;
  Options.AddTemporaryDtors = false;
  Slot->Graph = CFG::buildCFG(Function, Body, &Ctx, Options);
  if (!Slot->Graph)
    return Slot.get();
  for (const CFGBlock *Block : *Slot->Graph) {
    for (const CFGElement &Element : *Block)
      if (std::optional<CFGStmt> S = Element.getAs<CFGStmt>())
        Slot->BlockOf.try_emplace(S->getStmt(), Block);
    if (const Stmt *Terminator = Block->getTerminatorStmt())
      Slot->BlockOf.try_emplace(Terminator, Block);
  }
  return Slot.get();
}

bool ReleaseAnalysis::releasedOnEveryPathAfter(const Stmt *Site,
                                               const Expr *Container,
                                               const ContainerInfo &Info,
                                               const FunctionDecl *Function,
                                               ASTContext &Ctx) {
  if (!Container)
    return false;
  return everyPathAfterReaches(Site, Function, Ctx, [&](const Stmt *S) {
    return isReleaseOf(S, Container, Info, Ctx);
  });
}

bool ReleaseAnalysis::everyPathAfterReaches(
    const Stmt *Site, const FunctionDecl *Function, ASTContext &Ctx,
    llvm::function_ref<bool(const Stmt *)> IsRelease) {
  if (!Site || !Function)
    return false;
  FunctionCFG *F = get(Function, Ctx);
  if (!F || !F->Graph)
    return false;
  auto Found = F->BlockOf.find(Site);
  if (Found == F->BlockOf.end())
    return false;
  const CFGBlock *SiteBlock = Found->second;

  // Scans a block's statements; true when one releases the container before
  // the path reaches the emptying site again.
  enum class Scan { Released, ReachedSite, FellThrough };
  auto ScanBlock = [&](const CFGBlock *Block, bool StartAfterSite) {
    bool Scanning = !StartAfterSite;
    for (const CFGElement &Element : *Block) {
      std::optional<CFGStmt> S = Element.getAs<CFGStmt>();
      if (!S)
        continue;
      if (S->getStmt() == Site) {
        if (!Scanning) {
          Scanning = true;
          continue;
        }
        return Scan::ReachedSite;
      }
      if (Scanning && IsRelease(S->getStmt()))
        return Scan::Released;
    }
    return Scan::FellThrough;
  };

  llvm::SmallVector<const CFGBlock *, 16> Work;
  llvm::DenseSet<const CFGBlock *> Visited;
  if (SiteBlock->getTerminatorStmt() == Site) {
    // A loop: follow its exit edges only, the condition's and each break's.
    if (SiteBlock->succ_size() >= 2)
      if (const CFGBlock *Exit = (SiteBlock->succ_begin() + 1)->getReachableBlock())
        Work.push_back(Exit);
    std::optional<ParentMap> Parents;
    for (const CFGBlock *Block : *F->Graph)
      if (const auto *Break =
              dyn_cast_or_null<BreakStmt>(Block->getTerminatorStmt()))
        if (breakTarget(Break, Parents ? *Parents
                                       : Parents.emplace(Function->getBody())) ==
            Site)
          for (const CFGBlock::AdjacentBlock &Succ : Block->succs())
            if (const CFGBlock *B = Succ.getReachableBlock())
              Work.push_back(B);
    if (Work.empty())
      return false;
  } else {
    if (ScanBlock(SiteBlock, /*StartAfterSite=*/true) == Scan::Released)
      return true;
    for (const CFGBlock::AdjacentBlock &Succ : SiteBlock->succs())
      if (const CFGBlock *B = Succ.getReachableBlock())
        Work.push_back(B);
  }

  const CFGBlock *ExitBlock = &F->Graph->getExit();
  while (!Work.empty()) {
    const CFGBlock *Block = Work.pop_back_val();
    if (!Visited.insert(Block).second)
      continue;
    if (Block == ExitBlock)
      return false;
    if (Block->hasNoReturnElement())
      continue; // abort(), a throw helper: the program ends on this path.
    if (Block == SiteBlock && SiteBlock->getTerminatorStmt() == Site)
      return false; // Back at the loop that empties it, nothing released.
    switch (ScanBlock(Block, /*StartAfterSite=*/false)) {
    case Scan::Released:
      continue;
    case Scan::ReachedSite:
      return false;
    case Scan::FellThrough:
      break;
    }
    for (const CFGBlock::AdjacentBlock &Succ : Block->succs())
      if (const CFGBlock *B = Succ.getReachableBlock())
        Work.push_back(B);
  }
  return true;
}

} // namespace clang::tidy::highwater
