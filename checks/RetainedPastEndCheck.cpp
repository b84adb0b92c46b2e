//===--- RetainedPastEndCheck.cpp - highwater-retained-past-end -----------===//

#include "RetainedPastEndCheck.h"
#include "AnalysisUtils.h"
#include "ContainerUses.h"
#include "SharedDiagnostics.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::highwater {
namespace {

/// A long-lived array of slots: a data member or a variable with static
/// storage whose type has an element type.
/// A data member or a variable with static storage.
const ValueDecl *asLongLivedDecl(const ValueDecl *D) {
  if (isa_and_nonnull<FieldDecl>(D))
    return D;
  if (const auto *Var = dyn_cast_or_null<VarDecl>(D); Var && Var->hasGlobalStorage())
    return D;
  return nullptr;
}

const ValueDecl *slotArrayDecl(const Expr *Base, const ASTContext &Ctx) {
  const ValueDecl *D = namedContainerDecl(Base);
  if (!D || elementTypeOf(D->getType(), Ctx).isNull())
    return nullptr;
  return asLongLivedDecl(D);
}

/// The integer a subscript is indexed by: `n`, `n++`, `--n`, `n - 1`.
const ValueDecl *indexDecl(const Expr *Index) {
  for (unsigned Depth = 0; Index && Depth < 4; ++Depth) {
    Index = ignoreWrappers(Index);
    if (const auto *UO = dyn_cast<UnaryOperator>(Index);
        UO && UO->isIncrementDecrementOp()) {
      Index = UO->getSubExpr();
      continue;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(Index);
        BO && (BO->getOpcode() == BO_Add || BO->getOpcode() == BO_Sub) &&
        isa<IntegerLiteral>(ignoreWrappers(BO->getRHS()))) {
      Index = BO->getLHS();
      continue;
    }
    break;
  }
  const ValueDecl *D = Index ? namedContainerDecl(Index) : nullptr;
  if (!D || !D->getType()->isIntegerType())
    return nullptr;
  return asLongLivedDecl(D);
}

/// The array and index of `a[i]`, for the built-in and overloaded forms.
std::pair<const Expr *, const Expr *> subscriptParts(const Expr *E) {
  E = ignoreWrappers(E);
  if (const auto *ASE = dyn_cast_or_null<ArraySubscriptExpr>(E))
    return {ASE->getBase(), ASE->getIdx()};
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
    return {Op->getArg(0), Op->getArg(1)};
  return {nullptr, nullptr};
}

bool isSubscriptOf(const Expr *E, const ValueDecl *Array) {
  auto [Base, Index] = subscriptParts(E);
  return Base && namedContainerDecl(Base) == Array;
}

/// The left-hand side when \p E is an assignment.
const Expr *assignedTo(const Expr *E, const Expr **Source = nullptr) {
  E = ignoreWrappers(E);
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(E);
      BO && BO->getOpcode() == BO_Assign) {
    if (Source)
      *Source = BO->getRHS();
    return BO->getLHS();
  }
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
    if (Source)
      *Source = Op->getArg(1);
    return Op->getArg(0);
  }
  return nullptr;
}

/// An empty value: nullptr, 0, {}, T(), a value-initialisation.
bool isEmptyValue(const Expr *E) {
  E = ignoreWrappers(E);
  if (!E)
    return false;
  if (isa<CXXNullPtrLiteralExpr, GNUNullExpr, CXXScalarValueInitExpr,
          ImplicitValueInitExpr>(E))
    return true;
  if (const auto *Lit = dyn_cast<IntegerLiteral>(E))
    return Lit->getValue().isZero();
  if (const auto *List = dyn_cast<InitListExpr>(E))
    return List->getNumInits() == 0;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    if (Construct->getNumArgs() == 0)
      return true;
    if (Construct->getNumArgs() == 1)
      return isEmptyValue(Construct->getArg(0));
  }
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
    return isEmptyValue(Cast->getSubExpr());
  return false;
}

/// True when \p Body (or a member function it calls, one level down) resets
/// a slot of \p Array: assigns it an empty value, resets, releases or
/// destroys it, fills or destroys a range of it, or moves a smart pointer
/// out of it.
bool resetsSlots(const Stmt *Body, const ValueDecl *Array,
                 const SlotContents &Slot, unsigned Depth = 0) {
  if (!Body)
    return false;
  if (const auto *E = dyn_cast<Expr>(Body)) {
    const Expr *Source = nullptr;
    if (const Expr *Target = assignedTo(E, &Source))
      if (isSubscriptOf(Target, Array) && isEmptyValue(Source))
        return true;
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Body)) {
    const CXXMethodDecl *MD = Call->getMethodDecl();
    if (MD && isSubscriptOf(Call->getImplicitObjectArgument(), Array) &&
        (isa<CXXDestructorDecl>(MD) ||
         (MD->getIdentifier() &&
          llvm::is_contained({"reset", "release", "clear"}, MD->getName()))))
      return true;
    // A member function of the same class that resets the slots itself.
    const FunctionDecl *Def = nullptr;
    if (MD && Depth < 1 && isa<FieldDecl>(Array) && MD->hasBody(Def) && Def &&
        isa<CXXThisExpr>(Call->getImplicitObjectArgument()->IgnoreParenImpCasts()) &&
        resetsSlots(Def->getBody(), Array, Slot, Depth + 1))
      return true;
  } else if (const auto *Call = dyn_cast<CallExpr>(Body)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (FD && FD->getIdentifier() && FD->isInStdNamespace()) {
      StringRef Name = FD->getName();
      bool RangeReset = llvm::is_contained(
          {"fill", "fill_n", "destroy", "destroy_n", "destroy_at", "exchange"},
          Name);
      if (RangeReset && llvm::any_of(Call->arguments(), [&](const Expr *A) {
            return mentionsDecl(A, Array);
          }))
        return true;
      if (Name == "move" && Slot.HasReset && Call->getNumArgs() == 1 &&
          isSubscriptOf(Call->getArg(0), Array))
        return true;
    }
  }
  for (const Stmt *Child : Body->children())
    if (resetsSlots(Child, Array, Slot, Depth))
      return true;
  return false;
}

/// How \p Site moves its index; for a bulk move, \p NewEnd gets the new
/// end as written.
MoveKind moveKind(const Expr *Site, std::string &NewEnd, const ASTContext &Ctx) {
  if (const auto *UO = dyn_cast<UnaryOperator>(Site))
    return UO->isDecrementOp() ? MoveKind::Single : MoveKind::None;
  const auto *BO = dyn_cast<BinaryOperator>(Site);
  if (!BO)
    return MoveKind::None;
  std::string Target = spelling(BO->getLHS(), Ctx);
  std::string Value = spelling(BO->getRHS(), Ctx);
  if (BO->getOpcode() == BO_SubAssign) {
    NewEnd = Target + " - (" + Value + ")";
    return MoveKind::Bulk;
  }
  if (BO->getOpcode() != BO_Assign)
    return MoveKind::None;
  const Expr *RHS = ignoreWrappers(BO->getRHS());
  const ValueDecl *Index = indexDecl(BO->getLHS());
  if (std::optional<uint64_t> Constant = constantValue(RHS, Ctx)) {
    if (*Constant != 0)
      return MoveKind::None;
    NewEnd = "0";
    return MoveKind::Bulk;
  }
  if (!mentionsDecl(RHS, Index))
    return MoveKind::None;
  if (const auto *Op = dyn_cast<BinaryOperator>(RHS)) {
    if (Op->getOpcode() == BO_Sub) {
      NewEnd = Value;
      return MoveKind::Bulk;
    }
    if (Op->getOpcode() == BO_Rem || Op->getOpcode() == BO_And)
      return MoveKind::Advance;
  }
  if (isStdFunctionCall(dyn_cast<CallExpr>(RHS), {"min"})) {
    NewEnd = Value;
    return MoveKind::Bulk;
  }
  return MoveKind::None;
}

std::string severityPhrase(const SlotContents &Slot, QualType Element,
                           bool Plural, const ASTContext &Ctx) {
  std::string Spelled = Element.getAsString(Ctx.getPrintingPolicy());
  // Sugar from inside a template (`typename original::value_type`) says
  // less than the type itself.
  if (StringRef(Spelled).contains("typename "))
    Spelled = Element.getCanonicalType().getAsString(Ctx.getPrintingPolicy());
  std::string Type = "'" + Spelled + "'";
  std::string Held = Plural ? "the " + Type + " objects left there"
                            : "the " + Type + " left there";
  switch (Slot.Ownership) {
  case SlotOwnership::Owning:
    return Plural ? Held + " keep what they own alive"
                  : Held + " keeps " + Slot.KeptAlive + " alive";
  case SlotOwnership::RawPointer:
    return (Plural ? "stale " : "a stale ") + Type +
           (Plural ? " values survive" : " survives") + " past the logical end";
  case SlotOwnership::WeakPointer:
    return Held + (Plural ? " keep" : " keeps") +
           " their control block allocated";
  case SlotOwnership::Plain:
    return Held + (Plural ? " are" : " is") + " kept past the logical end";
  }
  return Held;
}

/// `= nullptr`, `.reset()` or `= {}`, whichever empties this slot type; ""
/// when no assignment-style reset is right (a string's `= {}` keeps its
/// buffer).
std::string resetSuffix(const SlotContents &Slot) {
  if (Slot.HasReset)
    return ".reset()";
  if (Slot.NullAssignable)
    return " = nullptr";
  if (Slot.BraceResettable || Slot.Ownership == SlotOwnership::Plain)
    return " = {}";
  return "";
}

} // namespace

RetainedPastEndCheck::RetainedPastEndCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Shared(SharedOptions::read(Options)),
      Mode(Options.get("Mode", ReportMode::Risky)),
      ReportStalePointers(
          readBoolOption(*this, Options, "ReportStalePointers", true)),
      ReportPlainValues(
          readBoolOption(*this, Options, "ReportPlainValues", false)),
      Model(Shared.containerModel()) {
  for (const std::string &Problem : Shared.validate())
    configurationDiag("%0 (check '%1')") << Problem << Name;
}

void RetainedPastEndCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Shared.storeContainerModel(Options, Opts);
  Options.store(Opts, "Mode", Mode);
  storeBoolOption(Options, Opts, "ReportStalePointers", ReportStalePointers);
  storeBoolOption(Options, Opts, "ReportPlainValues", ReportPlainValues);
}

void RetainedPastEndCheck::onStartOfTranslationUnit() {
  WrittenAt.clear();
  ReadAt.clear();
  Reported.clear();
  Moves.clear();
  RingCursors.clear();
  RemoveCalls.clear();
  Scopes.clear();
  Context = nullptr;
}

void RetainedPastEndCheck::registerMatchers(MatchFinder *Finder) {
  Functions = SharedFunctionMatcher::subscribe(Finder, this);
}

namespace {

/// Gathers subscripts (marking the written ones), index moves and
/// remove-family calls of one function body.
class SlotUseCollector : public BodyVisitor<SlotUseCollector> {
public:
  llvm::SmallPtrSet<const Expr *, 8> Written;
  llvm::SmallVector<const Expr *, 16> Subscripts;
  llvm::SmallVector<const Expr *, 8> Moves;
  llvm::SmallVector<const CallExpr *, 4> Removes;

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign)
      Written.insert(ignoreWrappers(BO->getLHS()));
    if ((BO->getOpcode() == BO_Assign || BO->getOpcode() == BO_SubAssign) &&
        BO->getLHS()->getType()->isIntegerType())
      Moves.push_back(BO);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_PreDec || UO->getOpcode() == UO_PostDec)
      if (UO->getSubExpr()->getType()->isIntegerType())
        Moves.push_back(UO);
    return true;
  }
  bool VisitArraySubscriptExpr(ArraySubscriptExpr *E) {
    Subscripts.push_back(E);
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      Written.insert(ignoreWrappers(Op->getArg(0)));
    if (Op->getOperator() == OO_Subscript)
      Subscripts.push_back(Op);
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    if (isRemoveFamilyCall(Call))
      Removes.push_back(Call);
    return true;
  }
};
} // namespace

void RetainedPastEndCheck::check(const MatchFinder::MatchResult &Result) {
  // Template patterns too: the slots they write count for every
  // instantiation, even of members this TU never instantiates.
  const FunctionDecl *Function =
      analysedFunctionOf(Result, /*WithTemplatePatterns=*/true);
  if (!Function)
    return;
  Context = Result.Context;
  collect(Function, *Result.Context);
}

void RetainedPastEndCheck::collect(const FunctionDecl *Function,
                                   ASTContext &Ctx) {
  SlotUseCollector Uses;
  Uses.TraverseStmt(Function->getBody());
  for (const Expr *Subscript : Uses.Subscripts) {
    auto [Base, Index] = subscriptParts(Subscript);
    const ValueDecl *Array = Base ? slotArrayDecl(Base, Ctx) : nullptr;
    const ValueDecl *N = Index ? indexDecl(Index) : nullptr;
    if (Array && N)
      (Uses.Written.contains(Subscript) ? WrittenAt : ReadAt)[N].insert(Array);
  }
  if (Function->isDependentContext() || (Uses.Moves.empty() && Uses.Removes.empty()))
    return;
  FunctionScope *Scope =
      Scopes.emplace_back(std::make_unique<FunctionScope>(Function)).get();
  for (const Expr *Move : Uses.Moves) {
    const Expr *Operand = isa<UnaryOperator>(Move)
                              ? cast<UnaryOperator>(Move)->getSubExpr()
                              : cast<BinaryOperator>(Move)->getLHS();
    Operand = ignoreWrappers(Operand);
    // Only the index of this object or a global: `other.count_ = 0` in a
    // move constructor empties another object.
    if (const auto *ME = dyn_cast<MemberExpr>(Operand);
        ME && !isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      continue;
    const ValueDecl *N = indexDecl(Operand);
    if (!N || ignoreWrappers(Operand) != Operand)
      continue;
    std::string NewEnd;
    MoveKind Kind = moveKind(Move, NewEnd, Ctx);
    if (Kind == MoveKind::None)
      continue;
    // An index advanced modulo the size is a ring's cursor: every slot
    // stays a live entry of the ring, so setting it back vacates nothing.
    if (Kind == MoveKind::Advance)
      RingCursors.insert(N);
    Moves.push_back({Move, N, Scope, Kind, std::move(NewEnd)});
  }
  for (const CallExpr *Call : Uses.Removes)
    RemoveCalls.push_back({Call, Scope});
}

bool RetainedPastEndCheck::reportable(const SlotContents &Slot,
                                      QualType Element) const {
  switch (Slot.Ownership) {
  case SlotOwnership::Owning:
    return true;
  case SlotOwnership::RawPointer:
    // A value that merely holds a pointer among its fields (a token, a
    // key view into an arena) is overwritten in place: audits only.
    return ReportStalePointers &&
           (Element->isPointerType() || Element->isMemberPointerType() ||
            Mode == ReportMode::Audit);
  case SlotOwnership::WeakPointer:
    return Mode == ReportMode::Audit;
  case SlotOwnership::Plain:
    return ReportPlainValues;
  }
  return false;
}

void RetainedPastEndCheck::onEndOfTranslationUnit() {
  if (!Context || Context->getDiagnostics().hasUncompilableErrorOccurred())
    return;
  for (const IndexMove &Move : Moves)
    diagnoseMove(Move, *Context);
  for (const RemoveCall &Remove : RemoveCalls)
    diagnoseRemove(Remove, *Context);
  Moves.clear();
  RingCursors.clear();
  RemoveCalls.clear();
  Scopes.clear();
}

void RetainedPastEndCheck::diagnoseMove(const IndexMove &Move,
                                        ASTContext &Ctx) {
  const FunctionDecl *Function = Move.Scope->functionOf(Move.Site);
  if (!Function || !Function->getBody() || Function->isDependentContext() ||
      isa<CXXConstructorDecl, CXXDestructorDecl>(Function))
    return;
  const MoveKind Kind = Move.Kind;
  const std::string &NewEnd = Move.NewEnd;

  // The arrays this index is the logical end of: written at it
  // (`items_[count_++] = p`). A ring's head is read at, and the ring is
  // written elsewhere.
  llvm::SmallVector<const ValueDecl *, 2> Arrays;
  if (Kind != MoveKind::Advance && RingCursors.contains(Move.Index))
    return;
  if (Kind == MoveKind::Advance) {
    auto Read = ReadAt.find(Move.Index);
    if (Read == ReadAt.end())
      return;
    for (const ValueDecl *Array : Read->second)
      if (llvm::any_of(WrittenAt, [&](const auto &Entry) {
            return Entry.first != Move.Index && Entry.second.contains(Array);
          }))
        Arrays.push_back(Array);
  } else {
    auto Written = WrittenAt.find(Move.Index);
    if (Written == WrittenAt.end())
      return;
    Arrays.append(Written->second.begin(), Written->second.end());
  }

  for (const ValueDecl *Array : Arrays) {
    // Index and slots belong to the same object or are both globals.
    const auto *ArrayField = dyn_cast<FieldDecl>(Array);
    const auto *IndexField = dyn_cast<FieldDecl>(Move.Index);
    if ((ArrayField == nullptr) != (IndexField == nullptr) ||
        (ArrayField && ArrayField->getParent() != IndexField->getParent()))
      continue;
    QualType Element = elementTypeOf(Array->getType(), Ctx);
    SlotContents Slot = classifySlot(Element, Ctx, Model);
    if (!reportable(Slot, Element) ||
        resetsSlots(Function->getBody(), Array, Slot))
      continue;

    std::string Index = spelling(ignoreWrappers(isa<UnaryOperator>(Move.Site)
                                           ? cast<UnaryOperator>(Move.Site)->getSubExpr()
                                           : cast<BinaryOperator>(Move.Site)->getLHS()),
                                 Ctx);
    if (Index.empty())
      Index = Move.Index->getNameAsString();
    std::string ArrayText = (StringRef(Index).starts_with("this->") ? "this->" : "") +
                            Array->getNameAsString();
    std::string Suffix = resetSuffix(Slot);
    std::string Reset =
        Kind == MoveKind::Bulk
            ? "for (decltype(" + Index + ") I = " + NewEnd + "; I < " + Index +
                  "; ++I) " + ArrayText + "[I]" + Suffix + ";"
            : ArrayText + "[" + Index + "]" + Suffix + ";";
    if (Suffix.empty())
      Reset = Kind == MoveKind::Bulk
                  ? "std::exchange(" + ArrayText + "[I], {}) over the vacated range"
                  : "(void)std::exchange(" + ArrayText + "[" + Index + "], {});";

    // One report per site and array, whatever the instantiations.
    if (!Reported.insert({Move.Site->getBeginLoc(), Array->getNameAsString()})
             .second)
      continue;
    const bool InBlock = isa_and_nonnull<CompoundStmt>(statementHolding(Move.Site, *Move.Scope));
    // In a template the reset would be written once for every element type.
    const bool InTemplate = Function->getTemplateInstantiationPattern();
    bool CanFix = InBlock && !Suffix.empty() && !InTemplate &&
                  !touchesMacro(Move.Site->getSourceRange());
    std::string What = spelling(Move.Site, Ctx);
    if (What.empty()) // From a macro: name the move by what it does.
      What = isa<UnaryOperator>(Move.Site) ? "--" + Index : Index + " = ...";
    SourceLocation Loc = Move.Site->getBeginLoc();
    {
      DiagnosticBuilder Diag =
          Kind == MoveKind::Advance
              ? diag(Loc, "'%0' advances past a slot of '%1' without resetting "
                          "it: %2; reset it with '%3' before advancing")
              : diag(Loc, Kind == MoveKind::Single
                              ? "'%0' moves the logical end of '%1' back "
                                "without resetting the vacated slot: %2; reset "
                                "it with '%3'"
                              : "'%0' moves the logical end of '%1' back "
                                "without resetting the vacated slots: %2; "
                                "reset them first with '%3'");
      Diag << What << Array->getName()
           << severityPhrase(Slot, Element, Kind == MoveKind::Bulk, Ctx)
           << Reset;
      if (CanFix) {
        if (Kind == MoveKind::Single) {
          SourceLocation After = locationAfterSemicolon(Move.Site, Ctx);
          if (After.isValid())
            Diag << FixItHint::CreateInsertion(After, " " + Reset);
        } else {
          Diag << FixItHint::CreateInsertion(Loc, Reset + " ");
        }
      }
    }
    if (!CanFix)
      noteNoFix(*this, Loc,
                Suffix.empty()  ? "a container or string slot needs its own release"
                : InTemplate    ? "the reset would depend on the template's "
                                  "element type"
                : touchesMacro(Move.Site->getSourceRange())
                    ? "the move comes from a macro"
                    : "the move is not a statement of its own in a block");
  }
}

void RetainedPastEndCheck::diagnoseRemove(const RemoveCall &Remove,
                                          ASTContext &Ctx) {
  const CallExpr *Call = Remove.Call;
  const FunctionDecl *Function = Remove.Scope->functionOf(Call);
  if (!Function || !Function->getBody() || Function->isDependentContext() ||
      Call->getNumArgs() == 0)
    return;
  // The container: `v` of `std::remove_if(v.begin(), ...)`, or the range.
  const Expr *First = ignoreWrappers(Call->getArg(0));
  if (isa<CXXOperatorCallExpr>(Call))
    First = ignoreWrappers(Call->getArg(1));
  const Expr *Container = First;
  if (const auto *Begin = dyn_cast<CXXMemberCallExpr>(First))
    Container = calledObject(Begin);
  else if (const auto *Begin = dyn_cast<CallExpr>(First);
           Begin && Begin->getNumArgs() == 1)
    Container = ignoreWrappers(Begin->getArg(0));
  const ValueDecl *Array = slotArrayDecl(Container, Ctx);
  if (!Array)
    return;
  QualType Element = elementTypeOf(Array->getType(), Ctx);
  SlotContents Slot = classifySlot(Element, Ctx, Model);
  if (!reportable(Slot, Element) ||
      resetsSlots(Function->getBody(), Array, Slot))
    return;

  // Where the result goes: into an erase (fine), or kept as a logical end in
  // a member or global, directly or through a local.
  const VarDecl *Local = nullptr;
  bool Stored = false;
  const Stmt *Current = Call;
  for (unsigned Depth = 0; Depth < 8 && !Stored; ++Depth) {
    const Stmt *Holder = Remove.Scope->parentOf(Current);
    if (const auto *DS = dyn_cast_or_null<DeclStmt>(Holder)) {
      // `auto End = std::remove_if(...)`: follow the local.
      for (const Decl *D : DS->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D);
            Var && Var->getInit() && ignoreWrappers(Var->getInit()) ==
                                         ignoreWrappers(cast<Expr>(Current)))
          Local = Var;
      if (!Local && DS->isSingleDecl())
        Local = dyn_cast<VarDecl>(DS->getSingleDecl());
      break;
    }
    const auto *Parent = dyn_cast_or_null<Expr>(Holder);
    if (!Parent)
      break;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Parent))
      if (const CXXMethodDecl *MD = Member->getMethodDecl();
          MD && MD->getIdentifier() && MD->getName() == "erase")
        return;
    if (const Expr *Target = assignedTo(Parent))
      Stored = slotArrayDecl(Target, Ctx) || indexDecl(Target) ||
               isa_and_nonnull<FieldDecl>(namedContainerDecl(Target));
    Current = Parent;
  }
  if (Local) {
    bool Erased = false;
    std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
      if (!S)
        return;
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S))
        if (const CXXMethodDecl *MD = Member->getMethodDecl();
            MD && MD->getIdentifier() && MD->getName() == "erase" &&
            llvm::any_of(Member->arguments(),
                         [&](const Expr *A) { return mentionsDecl(A, Local); }))
          Erased = true;
      if (const auto *E = dyn_cast<Expr>(S)) {
        const Expr *Source = nullptr;
        if (const Expr *Target = assignedTo(E, &Source))
          if (mentionsDecl(Source, Local) &&
              isa_and_nonnull<FieldDecl>(namedContainerDecl(Target)))
            Stored = true;
      }
      for (const Stmt *Child : S->children())
        Visit(Child);
    };
    Visit(Function->getBody());
    if (Erased)
      return;
  }
  if (!Stored)
    return;

  // std::ranges algorithms are function objects named __remove_if_fn & co.
  std::string Algorithm = "std::remove";
  SourceLocation Loc = Call->getBeginLoc();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
    StringRef Object = MD ? MD->getParent()->getName() : "";
    Object.consume_front("__");
    Object.consume_back("_fn");
    Algorithm = ("std::ranges::" + Object).str();
    Loc = Op->getArg(0)->getBeginLoc();
  } else if (const FunctionDecl *Callee = Call->getDirectCallee()) {
    Algorithm = "std::" + Callee->getNameAsString();
  }
  std::string Object = spelling(Container, Ctx);
  if (Object.empty())
    Object = Array->getNameAsString();
  diag(Loc,
       "the result of '%0' is kept as the logical end of '%1' but the tail "
       "past it is never erased: %2; erase it with '%1.erase(<new end>, "
       "%1.end())'")
      << Algorithm << Object << severityPhrase(Slot, Element, true, Ctx);
}

} // namespace clang::tidy::highwater
