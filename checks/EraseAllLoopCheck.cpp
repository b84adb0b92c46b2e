//===--- EraseAllLoopCheck.cpp - highwater-erase-all-loop ------------------===//

#include "EraseAllLoopCheck.h"
#include "AnalysisUtils.h"
#include "ContainerUses.h"
#include "SharedDiagnostics.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::highwater {

namespace {

enum class LoopForm {
  IteratorErase, ///< for (it = c.begin(); it != c.end();) it = c.erase(it);
  UntilEmpty,    ///< while (!c.empty()) c.pop_back();
  CountedFromSize, ///< for (n = c.size(); n > 0; --n) c.pop_back();
  KeyList,       ///< for (k : keys) c.erase(k);  keys collected from c before
};

struct LoopParts {
  const Stmt *Init = nullptr;
  const Expr *Cond = nullptr;
  const Expr *Inc = nullptr;
  const Stmt *Body = nullptr;
};

/// A loop that empties a container.
struct EraseAllLoop {
  LoopForm Form;
  const Expr *Container;
  const CXXMemberCallExpr *Removal;
  /// The loop body does something besides removing the element.
  bool DoesOtherWork;
};

LoopParts partsOf(const Stmt *Loop) {
  LoopParts P;
  if (const auto *For = dyn_cast<ForStmt>(Loop)) {
    P = {For->getInit(), For->getCond(), For->getInc(), For->getBody()};
  } else if (const auto *While = dyn_cast<WhileStmt>(Loop)) {
    P.Cond = While->getCond();
    P.Body = While->getBody();
  } else if (const auto *Do = dyn_cast<DoStmt>(Loop)) {
    P.Cond = Do->getCond();
    P.Body = Do->getBody();
  } else if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop)) {
    P.Body = Range->getBody();
  }
  return P;
}

llvm::SmallVector<const Stmt *, 8> statementsOf(const Stmt *Body) {
  llvm::SmallVector<const Stmt *, 8> Result;
  if (const auto *Compound = dyn_cast_or_null<CompoundStmt>(Body))
    Result.append(Compound->body_begin(), Compound->body_end());
  else if (Body)
    Result.push_back(Body);
  return Result;
}

const VarDecl *referencedVar(const Expr *E) {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(ignoreCopies(E));
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

/// True when \p S may change \p Var: ++/--, assignment, or passing it by
/// non-const reference (std::advance).
bool modifiesVar(const Stmt *S, const VarDecl *Var) {
  if (!S || !Var)
    return false;
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    if (UO->isIncrementDecrementOp() && referencedVar(UO->getSubExpr()) == Var)
      return true;
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    if (BO->isAssignmentOp() && referencedVar(BO->getLHS()) == Var)
      return true;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      if (referencedVar(Call->getArg(I)) != Var)
        continue;
      if (Op && I == 0 &&
          (Op->isAssignmentOp() || Op->getOperator() == OO_PlusPlus ||
           Op->getOperator() == OO_MinusMinus))
        return true;
      if (Op)
        continue;
      unsigned Param = I;
      if (!FD || Param >= FD->getNumParams())
        return true;
      QualType T = FD->getParamDecl(Param)->getType();
      if (T->isReferenceType() && !T.getNonReferenceType().isConstQualified())
        return true;
    }
  }
  if (isa<LambdaExpr>(S))
    return false;
  for (const Stmt *Child : S->children())
    if (modifiesVar(Child, Var))
      return true;
  return false;
}

/// A top-level statement of a loop body that removes one element:
/// `c.pop_back();`, `c.erase(x);`, `it = c.erase(it);`.
struct RemovalStatement {
  const Stmt *Statement = nullptr;
  const CXXMemberCallExpr *Call = nullptr;
  const VarDecl *AssignedIterator = nullptr; ///< `it` in `it = c.erase(it)`
};

std::optional<RemovalStatement> asRemoval(const Stmt *S) {
  const auto *E = dyn_cast<Expr>(S);
  if (!E)
    return std::nullopt;
  E = ignoreCopies(E);
  RemovalStatement R;
  R.Statement = S;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    if (!isSingleElementRemoval(Call))
      return std::nullopt;
    R.Call = Call;
    return R;
  }
  const Expr *LHS = nullptr, *RHS = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() != BO_Assign)
      return std::nullopt;
    LHS = BO->getLHS();
    RHS = BO->getRHS();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() != OO_Equal || Op->getNumArgs() != 2)
      return std::nullopt;
    LHS = Op->getArg(0);
    RHS = Op->getArg(1);
  } else {
    return std::nullopt;
  }
  const Expr *Inner = ignoreCopies(RHS);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Inner))
    if (Construct->getNumArgs() == 1)
      Inner = ignoreCopies(Construct->getArg(0));
  const auto *Call = dyn_cast<CXXMemberCallExpr>(Inner);
  if (!Call || !isSingleElementRemoval(Call))
    return std::nullopt;
  R.Call = Call;
  R.AssignedIterator = referencedVar(LHS);
  return R;
}

/// `it` in `it++` (the argument of `c.erase(it++)`).
const VarDecl *postIncrementedVar(const Expr *E) {
  E = ignoreCopies(E);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    if (Construct->getNumArgs() == 1)
      E = ignoreCopies(Construct->getArg(0));
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_PostInc)
      return referencedVar(UO->getSubExpr());
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    if (Op->getOperator() == OO_PlusPlus && Op->getNumArgs() == 2)
      return referencedVar(Op->getArg(0));
  return nullptr;
}

/// The container whose emptiness \p Cond tests: `!c.empty()`, `c.size()`,
/// `c.size() > 0`, `c.size() != 0`, `0 < c.size()`.
const Expr *emptinessTestedContainer(const Expr *Cond) {
  Cond = ignoreCopies(Cond);
  if (!Cond)
    return nullptr;
  auto MemberCallNamed = [](const Expr *E, StringRef Name) -> const Expr * {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(ignoreCopies(E));
    const CXXMethodDecl *MD = Call ? Call->getMethodDecl() : nullptr;
    if (MD && MD->getIdentifier() && MD->getName() == Name &&
        Call->getNumArgs() == 0)
      return calledObject(Call);
    return nullptr;
  };
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond))
    if (UO->getOpcode() == UO_LNot)
      return MemberCallNamed(UO->getSubExpr(), "empty");
  if (const Expr *C = MemberCallNamed(Cond, "size"))
    return C;
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    auto IsZero = [](const Expr *E) {
      const auto *Lit = dyn_cast<IntegerLiteral>(ignoreCopies(E));
      return Lit && Lit->getValue().isZero();
    };
    auto IsOne = [](const Expr *E) {
      const auto *Lit = dyn_cast<IntegerLiteral>(ignoreCopies(E));
      return Lit && Lit->getValue() == 1;
    };
    BinaryOperatorKind Op = BO->getOpcode();
    if (const Expr *C = MemberCallNamed(BO->getLHS(), "size"))
      if (((Op == BO_GT || Op == BO_NE) && IsZero(BO->getRHS())) ||
          (Op == BO_GE && IsOne(BO->getRHS())))
        return C;
    if (const Expr *C = MemberCallNamed(BO->getRHS(), "size"))
      if ((Op == BO_LT || Op == BO_NE) && IsZero(BO->getLHS()))
        return C;
  }
  return nullptr;
}

/// The container whose end \p Cond compares \p Iter with: `it != c.end()`.
const Expr *iteratorEndContainer(const Expr *Cond, const VarDecl *&Iter) {
  Cond = ignoreCopies(Cond);
  const Expr *L = nullptr, *R = nullptr;
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(Cond)) {
    if (BO->getOpcode() != BO_NE)
      return nullptr;
    L = BO->getLHS();
    R = BO->getRHS();
  } else if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(Cond)) {
    if (Op->getOperator() != OO_ExclaimEqual || Op->getNumArgs() != 2)
      return nullptr;
    L = Op->getArg(0);
    R = Op->getArg(1);
  } else if (const auto *Rewritten =
                 dyn_cast_or_null<CXXRewrittenBinaryOperator>(Cond)) {
    // C++20 spells `a != b` as a rewritten `!(a == b)`.
    if (Rewritten->getOperator() != BO_NE)
      return nullptr;
    L = Rewritten->getLHS();
    R = Rewritten->getRHS();
  } else {
    return nullptr;
  }
  auto EndOf = [](const Expr *E) -> const Expr * {
    E = ignoreCopies(E);
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
      if (Construct->getNumArgs() == 1)
        E = ignoreCopies(Construct->getArg(0));
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = Call->getMethodDecl();
      if (MD && MD->getIdentifier() &&
          (MD->getName() == "end" || MD->getName() == "cend"))
        return calledObject(Call);
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *FD = Call->getDirectCallee();
      if (FD && FD->getIdentifier() && FD->isInStdNamespace() &&
          (FD->getName() == "end" || FD->getName() == "cend") &&
          Call->getNumArgs() == 1)
        return containerObject(Call->getArg(0));
    }
    return nullptr;
  };
  if (const Expr *C = EndOf(R)) {
    Iter = referencedVar(L);
    return Iter ? C : nullptr;
  }
  if (const Expr *C = EndOf(L)) {
    Iter = referencedVar(R);
    return Iter ? C : nullptr;
  }
  return nullptr;
}

/// The loop counter of `for (n = c.size(); n > 0; --n)` style loops that run
/// once per element of the container as it was when the loop started.
const Expr *sizeCountedContainer(const LoopParts &P, ASTContext &Ctx) {
  const auto *Init = dyn_cast_or_null<DeclStmt>(P.Init);
  if (!Init || !P.Cond)
    return nullptr;
  // The container of `c.size()`, the whole of \p E: a loop counted from
  // `c.size() / 2` or `c.size() - k` leaves elements behind.
  auto SizeCallOf = [](const Expr *E) -> const Expr * {
    if (!E)
      return nullptr;
    // Conversions of the count, explicit or not, keep it whole.
    const auto *Call =
        dyn_cast<CXXMemberCallExpr>(ignoreCopies(E)->IgnoreParenCasts());
    const CXXMethodDecl *MD = Call ? Call->getMethodDecl() : nullptr;
    if (!MD || !MD->getIdentifier() || MD->getName() != "size" ||
        Call->getNumArgs() != 0)
      return nullptr;
    return calledObject(Call);
  };
  // The container of `c.size() - 1`.
  auto SizeMinusOneOf = [&](const Expr *E) -> const Expr * {
    const auto *BO = dyn_cast_or_null<BinaryOperator>(ignoreCopies(E));
    if (!BO || BO->getOpcode() != BO_Sub)
      return nullptr;
    std::optional<uint64_t> One = constantValue(BO->getRHS(), Ctx);
    return One && *One == 1 ? SizeCallOf(BO->getLHS()) : nullptr;
  };
  if (!P.Inc) {
    // for (n = c.size(); n-- > 0;) and for (n = c.size(); n--;)
    const Expr *Cond = ignoreCopies(P.Cond);
    const Expr *Decrement = Cond;
    if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
      std::optional<uint64_t> Bound = constantValue(BO->getRHS(), Ctx);
      if ((BO->getOpcode() != BO_GT && BO->getOpcode() != BO_NE) || !Bound ||
          *Bound != 0)
        return nullptr;
      Decrement = ignoreCopies(BO->getLHS());
    }
    const auto *UO = dyn_cast<UnaryOperator>(Decrement);
    if (!UO || UO->getOpcode() != UO_PostDec)
      return nullptr;
    const VarDecl *Counter = referencedVar(UO->getSubExpr());
    if (!Counter || !Counter->getInit() ||
        !llvm::is_contained(Init->decls(), Counter))
      return nullptr;
    return SizeCallOf(Counter->getInit());
  }
  const Expr *Inc = ignoreCopies(P.Inc);
  const VarDecl *Counter = nullptr;
  bool Decrements = false;
  if (const auto *UO = dyn_cast<UnaryOperator>(Inc)) {
    Counter = referencedVar(UO->getSubExpr());
    Decrements = UO->isDecrementOp();
    if (!UO->isIncrementDecrementOp())
      return nullptr;
  }
  if (!Counter)
    return nullptr;
  const Expr *Cond = ignoreCopies(P.Cond);
  if (Decrements) {
    // for (n = c.size(); n > 0 / n != 0 / n; --n)
    // for (i = c.size() - 1; i >= 0; --i)
    if (!mentionsDecl(Cond, Counter) || !Counter->getInit())
      return nullptr;
    const auto *BO = dyn_cast<BinaryOperator>(Cond);
    bool ZeroBound = true;
    if (BO) {
      Expr::EvalResult R;
      const Expr *Bound = BO->getRHS();
      if (Bound->isValueDependent() || !Bound->EvaluateAsInt(R, Ctx))
        return nullptr;
      ZeroBound = R.Val.getInt().isZero();
      BinaryOperatorKind Op = BO->getOpcode();
      bool Ok = referencedVar(BO->getLHS()) == Counter && ZeroBound &&
                (Op == BO_GT || Op == BO_NE || Op == BO_GE);
      if (!Ok)
        return nullptr;
      // `i >= 0` only ends for a start of size() - 1.
      if (Op == BO_GE)
        return SizeMinusOneOf(Counter->getInit());
    } else if (referencedVar(Cond) != Counter) {
      return nullptr;
    }
    return SizeCallOf(Counter->getInit());
  }
  // for (i = 0, n = c.size(); i < n; ++i)
  const auto *BO = dyn_cast<BinaryOperator>(Cond);
  if (!BO || (BO->getOpcode() != BO_LT && BO->getOpcode() != BO_NE) ||
      referencedVar(BO->getLHS()) != Counter)
    return nullptr;
  const VarDecl *Limit = referencedVar(BO->getRHS());
  if (!Limit || !Limit->getInit() || !llvm::is_contained(Init->decls(), Limit))
    return nullptr;
  return SizeCallOf(Limit->getInit());
}

/// True when the removal's argument designates an element at the front or
/// back of the container: `c.begin()`, `std::prev(c.end())`, `*c.begin()`,
/// or a local initialised from such an expression.
bool removesEndElement(const CXXMemberCallExpr *Removal, const Expr *Container,
                       ASTContext &Ctx) {
  if (Removal->getNumArgs() == 0)
    return true; // pop, pop_back, pop_front
  const Expr *Arg = Removal->getArg(0);
  if (mentionsContainer(Arg, Container, Ctx))
    return true;
  const VarDecl *Local = referencedVar(Arg);
  return Local && Local->hasLocalStorage() && Local->getInit() &&
         mentionsContainer(Local->getInit(), Container, Ctx);
}

/// The loop over \p Container, before \p Loop in \p FunctionBody, that
/// collects every element's key into \p Keys unconditionally.
bool keysCollectedFrom(const VarDecl *Keys, const Expr *Container,
                       const Stmt *Loop, const Stmt *FunctionBody,
                       ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::SmallVector<const Stmt *, 32> Work{FunctionBody};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
    if (S == Loop || !SM.isBeforeInTranslationUnit(S->getEndLoc(), Loop->getBeginLoc()))
      continue;
    const Stmt *Body = nullptr;
    const VarDecl *Element = nullptr;
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(S)) {
      if (!isSameContainer(Range->getRangeInit(), Container, Ctx))
        continue;
      Body = Range->getBody();
      Element = Range->getLoopVariable();
    } else if (const auto *For = dyn_cast<ForStmt>(S)) {
      const VarDecl *Iter = nullptr;
      const Expr *C = iteratorEndContainer(For->getCond(), Iter);
      if (!C || !isSameContainer(C, Container, Ctx))
        continue;
      Body = For->getBody();
      Element = Iter;
    } else {
      continue;
    }
    for (const Stmt *Statement : statementsOf(Body)) {
      const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(
          ignoreCopies(dyn_cast<Expr>(Statement)));
      const CXXMethodDecl *MD = Call ? Call->getMethodDecl() : nullptr;
      if (!MD || !MD->getIdentifier() || !isInsertionMethodName(MD->getName()) ||
          referencedVar(calledObject(Call)) != Keys || Call->getNumArgs() == 0)
        continue;
      if (mentionsDecl(Call->getArg(0), Element))
        return true;
    }
  }
  return false;
}

std::optional<EraseAllLoop> matchEraseAllLoop(const Stmt *Loop,
                                              const Stmt *FunctionBody,
                                              ASTContext &Ctx) {
  LoopParts P = partsOf(Loop);
  if (!P.Body)
    return std::nullopt;

  // Exactly one unconditional removal at the top level of the body.
  std::optional<RemovalStatement> Removal;
  llvm::SmallVector<const Stmt *, 8> Statements = statementsOf(P.Body);
  for (const Stmt *S : Statements) {
    if (std::optional<RemovalStatement> R = asRemoval(S)) {
      if (Removal)
        return std::nullopt;
      Removal = R;
    }
  }
  if (!Removal || canExitEarly(P.Body))
    return std::nullopt;
  const Expr *Container = calledObject(Removal->Call);
  if (!Container)
    return std::nullopt;

  EraseAllLoop Result{LoopForm::UntilEmpty, Container, Removal->Call, false};
  const VarDecl *RemovalArgVar =
      Removal->Call->getNumArgs() ? referencedVar(Removal->Call->getArg(0))
                                  : nullptr;
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop)) {
    // for (const auto &k : keys) c.erase(k);
    const VarDecl *Keys = referencedVar(Range->getRangeInit());
    if (!Keys || !Keys->hasLocalStorage() ||
        isSameContainer(Range->getRangeInit(), Container, Ctx) ||
        Removal->Call->getNumArgs() != 1 ||
        !mentionsDecl(Removal->Call->getArg(0), Range->getLoopVariable()) ||
        !keysCollectedFrom(Keys, Container, Loop, FunctionBody, Ctx))
      return std::nullopt;
    Result.Form = LoopForm::KeyList;
  } else if (const Expr *Tested = emptinessTestedContainer(P.Cond)) {
    if (!isSameContainer(Tested, Container, Ctx) ||
        !removesEndElement(Removal->Call, Container, Ctx))
      return std::nullopt;
    Result.Form = LoopForm::UntilEmpty;
  } else if (const VarDecl *Iter = nullptr;
             const Expr *Ended = iteratorEndContainer(P.Cond, Iter)) {
    if (!isSameContainer(Ended, Container, Ctx) || P.Inc ||
        Removal->Call->getNumArgs() != 1)
      return std::nullopt;
    bool Advances = (Removal->AssignedIterator == Iter &&
                     referencedVar(Removal->Call->getArg(0)) == Iter) ||
                    postIncrementedVar(Removal->Call->getArg(0)) == Iter;
    // The iterator starts at the beginning of the container.
    const Expr *Start = Iter->getInit();
    if (const auto *Init = dyn_cast_or_null<Expr>(P.Init))
      Start = Init; // for (it = c.begin(); ...)
    if (!Advances || !Start || !mentionsContainer(Start, Container, Ctx))
      return std::nullopt;
    // Nothing else in the body may move the iterator.
    for (const Stmt *S : Statements)
      if (S != Removal->Statement && modifiesVar(S, Iter))
        return std::nullopt;
    Result.Form = LoopForm::IteratorErase;
    RemovalArgVar = nullptr;
  } else if (const Expr *Counted = sizeCountedContainer(P, Ctx)) {
    if (!isSameContainer(Counted, Container, Ctx))
      return std::nullopt;
    Result.Form = LoopForm::CountedFromSize;
  } else {
    return std::nullopt;
  }

  if (mayRefill(P.Body, Container, Ctx))
    return std::nullopt;

  // Other statements are work, except a local feeding the removal
  // (`auto k = *s.begin(); s.erase(k);`).
  for (const Stmt *S : Statements) {
    if (S == Removal->Statement || isa<NullStmt>(S))
      continue;
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      if (DS->isSingleDecl() && DS->getSingleDecl() == RemovalArgVar)
        continue;
    Result.DoesOtherWork = true;
  }
  return Result;
}

/// The end of \p Loop including a trailing `;` of a single-statement body.
SourceLocation endOfStatement(const Stmt *Loop, const ASTContext &Ctx) {
  SourceLocation End = Loop->getEndLoc();
  const Stmt *Body = partsOf(Loop).Body;
  if (isa<DoStmt>(Loop) || (Body && !isa<CompoundStmt>(Body))) {
    return locationAfterSemicolon(Loop, Ctx);
  }
  return Lexer::getLocForEndOfToken(End, 0, Ctx.getSourceManager(),
                                    Ctx.getLangOpts());
}

constexpr llvm::StringLiteral NodeMessage =
    "'%0' (%1) is emptied one element at a time; its nodes are freed either "
    "way, so clear it at once with '%2'";
constexpr llvm::StringLiteral WorkMessage =
    "'%0' (%1) is emptied one element at a time while its elements are "
    "processed, which keeps its %2 at the high-water mark; process the "
    "elements, then %3 after the loop";
constexpr llvm::StringLiteral PassMessage =
    "'%0' (%1) is emptied one element at a time, which keeps its %2 at the "
    "high-water mark and costs a pass per element; %3";

} // namespace

EraseAllLoopCheck::EraseAllLoopCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Shared(SharedOptions::read(Options)),
      MinRetainedSlotBytes(Options.get("MinRetainedSlotBytes", 0U)),
      ReportedLifetimes(Shared.lifetimeKinds()),
      Model(Shared.containerModel()) {
  for (const std::string &Problem : Shared.validate())
    configurationDiag("%0 (check '%1')") << Problem << Name;
}

void EraseAllLoopCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Shared.store(Options, Opts);
  Options.store(Opts, "MinRetainedSlotBytes", MinRetainedSlotBytes);
}

void EraseAllLoopCheck::onStartOfTranslationUnit() {
  Releases.reset();
  ReportedLoops.clear();
}

void EraseAllLoopCheck::registerMatchers(MatchFinder *Finder) {
  Functions = SharedFunctionMatcher::subscribe(Finder, this);
}

namespace {
/// The loops of one function body (lambdas' loops included).
class LoopCollector : public BodyVisitor<LoopCollector> {
public:
  llvm::SmallVector<const Stmt *, 16> Loops;
  bool VisitForStmt(ForStmt *S) { return add(S); }
  bool VisitWhileStmt(WhileStmt *S) { return add(S); }
  bool VisitDoStmt(DoStmt *S) { return add(S); }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) { return add(S); }

private:
  bool add(const Stmt *Loop) {
    Loops.push_back(Loop);
    return true;
  }
};
} // namespace

void EraseAllLoopCheck::check(const MatchFinder::MatchResult &Result) {
  const FunctionDecl *Function = analysedFunctionOf(Result);
  ASTContext &Ctx = *Result.Context;
  if (!Function || Ctx.getDiagnostics().hasUncompilableErrorOccurred())
    return;
  LoopCollector Collector;
  Collector.TraverseStmt(Function->getBody());
  if (Collector.Loops.empty())
    return;
  FunctionScope Scope(Function);
  for (const Stmt *Loop : Collector.Loops)
    diagnoseLoop(Loop, Scope, Ctx);
}

void EraseAllLoopCheck::diagnoseLoop(const Stmt *Loop,
                                     const FunctionScope &Scope,
                                     ASTContext &Ctx) {
  if (touchesMacro(Loop->getSourceRange()) &&
      Ctx.getSourceManager().isInSystemMacro(Loop->getBeginLoc()))
    return;
  if (ReportedLoops.contains(Loop->getBeginLoc()))
    return; // Already reported in another instantiation.
  const FunctionDecl *Function = Scope.functionOf(Loop);
  std::optional<EraseAllLoop> Match =
      matchEraseAllLoop(Loop, Function->getBody(), Ctx);
  if (!Match)
    return;
  std::optional<ContainerInfo> Info =
      Model.classify(Match->Container->getType(), Ctx);
  if (!Info)
    return;
  std::optional<Lifetime> Life =
      classifyLifetime(Match->Container, Loop, Scope, Ctx);
  if (!Life || !ReportedLifetimes.test(static_cast<size_t>(Life->Kind)))
    return;

  const bool Retains = Info->retainsStorage();
  // Draining while working on each element is how an adaptor is consumed
  // (a priority_queue can only be read in order by popping it), and a
  // deque or a node-based container frees as it goes.
  if (Match->DoesOtherWork && (!Retains || Info->Family->IsAdaptor ||
                               Info->Storage == StorageKind::Deque))
    return;
  if (Retains && Info->SlotBytes < MinRetainedSlotBytes)
    return;
  if (managesCapacity(Function->getBody(), Match->Container, Ctx) ||
      Releases.releasedOnEveryPathAfter(Loop, Match->Container, *Info, Function,
                                        Ctx))
    return;
  ReportedLoops.insert(Loop->getBeginLoc());

  std::string Object = objectSpelling(Match->Container, Ctx);
  if (Object.empty())
    Object = Life->Decl->getNameAsString();
  std::string TypeName =
      namedContainerDecl(Match->Container) == Life->Decl
          ? spelledTypeFor(Life->Decl, Function, Object, Ctx)
          : Info->Type.getCanonicalType().getAsString(Ctx.getPrintingPolicy());
  const bool NoInPlaceRelease = Info->Family->NoInPlaceRelease;
  std::string Idiom = Info->releaseIdiom(Shared.PreferredRelease, Object, TypeName);
  std::string Advice = NoInPlaceRelease ? releaseAdvice(*Info, Idiom)
                                        : "release it at once with '" + Idiom + "'";

  // Why no fix, if none.
  StringRef NoFixReason;
  SourceLocation End = endOfStatement(Loop, Ctx);
  if (touchesMacro(Loop->getSourceRange()) || End.isInvalid() ||
      End.isMacroID() || touchesMacro(Match->Container->getSourceRange()))
    NoFixReason = "the loop comes from a macro";
  else if (Match->DoesOtherWork)
    NoFixReason = "the loop does other work per element";
  else if (Match->Form == LoopForm::KeyList)
    NoFixReason = "the keys are collected into another container first";
  else if (NoInPlaceRelease)
    NoFixReason = "no in-place idiom releases this type";
  else if (Info->Storage != StorageKind::Node) {
    if (Life->ThroughAlias)
      NoFixReason =
          "it is reached through a reference or pointer whose object may be "
          "shared";
    else if (Info->HasStatefulParts)
      NoFixReason = "its hasher, comparator or allocator may carry state that "
                    "a fresh container would lose";
    else if (!Info->DefaultConstructible)
      NoFixReason = "its type is not default-constructible";
  }

  {
    DiagnosticBuilder Diag = diag(Loop->getBeginLoc(), !Retains ? NodeMessage
                                  : Match->DoesOtherWork      ? WorkMessage
                                                              : PassMessage);
    Diag << Object << Life->describe();
    if (!Retains)
      Diag << Idiom;
    else if (Match->DoesOtherWork)
      Diag << Info->describeRetainedStorage()
           << (NoInPlaceRelease ? std::string("destroy it")
                                : "release it once with '" + Idiom + "'");
    else
      Diag << Info->describeRetainedStorage() << Advice;
    if (NoFixReason.empty())
      Diag << FixItHint::CreateReplacement(
          CharSourceRange::getCharRange(Loop->getBeginLoc(), End), Idiom);
  }

  if (Retains)
    noteInlineSlots(*this, Loop->getBeginLoc(), *Info, Ctx);
  if (!NoFixReason.empty())
    noteNoFix(*this, Loop->getBeginLoc(), NoFixReason);
}

} // namespace clang::tidy::highwater
