//===--- TruncateWithoutShrinkCheck.cpp -----------------------------------===//

#include "TruncateWithoutShrinkCheck.h"
#include "AnalysisUtils.h"
#include "SharedDiagnostics.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy {

namespace highwater {
namespace {

enum class Emptying {
  Clear,    ///< clear(), resize(0), erase(begin(), end()), assign(0, x)
  Truncate, ///< resize(n), erase(first, end()), s.erase(pos)
  KeepingAssignment, ///< x = {}, s = "", s = std::string()
};

struct Site {
  Emptying Kind;
  const Expr *Container;
  StringRef Operation; ///< "clear()", "resize()", ...
};

/// `c.begin()` / `c.end()` (or cbegin, cend, std::begin, std::end) of
/// \p Container.
bool isEndpointOf(const Expr *E, const Expr *Container, StringRef Which,
                  const ASTContext &Ctx) {
  E = ignoreCopies(E);
  std::string C = ("c" + Which).str();
  if (const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = Call->getMethodDecl();
    return MD && MD->getIdentifier() &&
           (MD->getName() == Which || MD->getName() == C) &&
           isSameContainer(calledObject(Call), Container, Ctx);
  }
  if (const auto *Call = dyn_cast_or_null<CallExpr>(E)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    return FD && FD->getIdentifier() && FD->isInStdNamespace() &&
           (FD->getName() == Which || FD->getName() == C) &&
           Call->getNumArgs() == 1 &&
           isSameContainer(Call->getArg(0), Container, Ctx);
  }
  return false;
}

/// True when \p S reads the size of \p Container.
bool mentionsSizeOf(const Stmt *S, const Expr *Container,
                    const ASTContext &Ctx) {
  return callsMethodOn(S, Container, {"size"}, Ctx);
}

/// A size computed down from the container's own size: `size() - n`,
/// `size() / 2`, `std::min(size(), n)`. `size() + n` and `std::max(size(),
/// n)` grow it.
bool shrinksFromSize(const Expr *Arg, const Expr *Container,
                     const ASTContext &Ctx) {
  Arg = Arg->IgnoreParenImpCasts();
  if (const auto *BO = dyn_cast<BinaryOperator>(Arg)) {
    switch (BO->getOpcode()) {
    case BO_Sub:
    case BO_Div:
    case BO_Shr:
      return mentionsSizeOf(BO->getLHS(), Container, Ctx);
    default:
      return false;
    }
  }
  if (const auto *Call = dyn_cast<CallExpr>(Arg);
      Call && isStdFunctionCall(Call, {"min"}))
    return mentionsSizeOf(Call, Container, Ctx);
  return false;
}

/// `x = {}` and `s = std::string()`, among the assignments that keep the
/// storage (isStorageKeepingAssignment()): reported whatever the mode,
/// because they read like the release idiom `x = T()` and are not one.
/// (`s = ""` reads like a reset, and goes through the mode's filter.)
bool readsLikeRelease(const Site &S, const Expr *At) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(At);
  return S.Kind == Emptying::KeepingAssignment && Op &&
         Op->getNumArgs() == 2 &&
         !isa<StringLiteral>(Op->getArg(1)->IgnoreParenImpCasts());
}

/// Recognises the calls that empty or truncate a container.
std::optional<Site> emptyingSite(const CXXMemberCallExpr *Call,
                                 const ASTContext &Ctx) {
  const CXXMethodDecl *MD = Call->getMethodDecl();
  if (!MD || !MD->getIdentifier() || MD->isConst())
    return std::nullopt;
  StringRef Name = MD->getName();
  const Expr *C = calledObject(Call);
  unsigned N = Call->getNumArgs();
  if (Name == "clear" && N == 0)
    return Site{Emptying::Clear, C, "clear()"};
  if (Name == "resize" && N >= 1) {
    std::optional<uint64_t> Size = constantValue(Call->getArg(0), Ctx);
    if (Size && *Size == 0)
      return Site{Emptying::Clear, C, "resize(0)"};
    // A constant size, or one taken off the current size, shrinks.
    if (Size || shrinksFromSize(Call->getArg(0), C, Ctx))
      return Site{Emptying::Truncate, C, "resize()"};
    return std::nullopt;
  }
  if (Name == "erase") {
    if (N == 2 && isEndpointOf(Call->getArg(1), C, "end", Ctx))
      return isEndpointOf(Call->getArg(0), C, "begin", Ctx)
                 ? Site{Emptying::Clear, C, "erase(begin(), end())"}
                 : Site{Emptying::Truncate, C, "erase(first, end())"};
    // basic_string::erase(pos) truncates; erase() empties.
    if (N >= 1 && Call->getArg(0)->getType()->isIntegerType() &&
        (N == 1 || isa<CXXDefaultArgExpr>(Call->getArg(1)))) {
      if (isa<CXXDefaultArgExpr>(Call->getArg(0)))
        return Site{Emptying::Clear, C, "erase()"};
      std::optional<uint64_t> Pos = constantValue(Call->getArg(0), Ctx);
      return Site{Pos && *Pos == 0 ? Emptying::Clear : Emptying::Truncate, C,
                  "erase(pos)"};
    }
    return std::nullopt;
  }
  if (Name == "assign" && N == 2 && Call->getArg(0)->getType()->isIntegerType()) {
    std::optional<uint64_t> Count = constantValue(Call->getArg(0), Ctx);
    if (Count && *Count == 0)
      return Site{Emptying::Clear, C, "assign(0, value)"};
  }
  return std::nullopt;
}

} // namespace

TruncateWithoutShrinkCheck::TruncateWithoutShrinkCheck(StringRef Name,
                                                       ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Shared(SharedOptions::read(Options)),
      MinRetainedSlotBytes(Options.get("MinRetainedSlotBytes", 16U)),
      Mode(Options.get("Mode", ReportMode::Risky)),
      ReportedLifetimes(Shared.lifetimeKinds()),
      Model(Shared.containerModel()) {
  for (const std::string &Problem : Shared.validate())
    configurationDiag("%0 (check '%1')") << Problem << Name;
}

void TruncateWithoutShrinkCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Shared.store(Options, Opts);
  Options.store(Opts, "MinRetainedSlotBytes", MinRetainedSlotBytes);
  Options.store(Opts, "Mode", Mode);
}

void TruncateWithoutShrinkCheck::onStartOfTranslationUnit() {
  Releases.reset();
  Fills.clear();
  Candidates.clear();
  Scopes.clear();
  Reported.clear();
  Context = nullptr;
}

void TruncateWithoutShrinkCheck::registerMatchers(MatchFinder *Finder) {
  // Emptying sites are analysed at the end of the TU, once every fill of
  // every container has been seen.
  Functions = SharedFunctionMatcher::subscribe(Finder, this);
}

namespace {
class CallCollector : public LoopAwareVisitor<CallCollector> {
public:
  explicit CallCollector(
      llvm::function_ref<void(const CallExpr *, const Stmt *)> OnCall)
      : OnCall(OnCall) {}
  bool VisitCallExpr(CallExpr *Call) {
    OnCall(Call, innermostLoop());
    return true;
  }

private:
  llvm::function_ref<void(const CallExpr *, const Stmt *)> OnCall;
};
} // namespace

void TruncateWithoutShrinkCheck::check(const MatchFinder::MatchResult &Result) {
  const FunctionDecl *Function = analysedFunctionOf(Result);
  if (!Function)
    return;
  Context = Result.Context;
  ASTContext &Ctx = *Result.Context;
  FunctionScope *Scope = nullptr;
  // A named callable: CallCollector keeps only a reference to it.
  auto OnCall = [&](const CallExpr *Call, const Stmt *Loop) {
    Fills.observe(Call, Loop, Function, Ctx);
    const Expr *Container = nullptr;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      if (std::optional<Site> S = emptyingSite(Member, Ctx))
        Container = S->Container;
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
               Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
      Container = Op->getArg(0);
    }
    if (!Container)
      return;
    if (!Scope)
      Scope = Scopes.emplace_back(std::make_unique<FunctionScope>(Function)).get();
    Fills.observeEmptying(Container, Loop);
    Candidates.push_back({Call, Container, Scope, Loop != nullptr});
  };
  CallCollector Collector(OnCall);
  Collector.TraverseStmt(Function->getBody());
}

void TruncateWithoutShrinkCheck::onEndOfTranslationUnit() {
  if (!Context || Context->getDiagnostics().hasUncompilableErrorOccurred())
    return;
  for (const Candidate &C : Candidates)
    diagnose(C, *Context);
  Candidates.clear();
  Scopes.clear();
}

bool TruncateWithoutShrinkCheck::isRiskyCycle(const Candidate &C,
                                              const ContainerInfo &Info,
                                              const Lifetime &Life,
                                              const FunctionDecl *Function,
                                              ASTContext &Ctx) const {
  if (Info.Storage == StorageKind::Deque)
    return false; // Keeps only its block map, a pointer per 512-byte block.
  // A node-based hash table keeps a bucket array of pointers whatever its
  // elements: the threshold is about element slots (validation found no
  // 8-byte element buffer worth acting on, and its true positives among
  // hash tables).
  if (Info.Storage != StorageKind::BucketHash &&
      Info.SlotBytes < MinRetainedSlotBytes)
    return false;
  // A pool or arena allocator: the program manages that memory itself.
  if (Info.HasCustomAllocator)
    return false;
  // A container type's own clear() or resize() (a small vector managing
  // its overflow storage) has std::vector's contract: whether to release is
  // its caller's decision, reported where the caller empties it.
  if (const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Function);
      Method && Life.Kind == LifetimeKind::Member &&
      isContainerLikeClass(Method->getParent(), Ctx))
    return false;
  // The erase-remove idiom filters a container that stays in use.
  if (isEraseRemoveIdiom(dyn_cast<CXXMemberCallExpr>(C.Site)))
    return false;
  const bool IsString = Info.Storage == StorageKind::String;
  if (!Fills.isFilledUnbounded(Life.Decl, IsString))
    return false;
  // Emptied in a cycle: a local across an open-ended loop; anything else
  // inside a loop, or filled elsewhere and emptied here (fill, then flush).
  // Emptied and refilled by the same function and nowhere else, it is
  // being replaced: its size follows what it is given.
  switch (Life.Kind) {
  case LifetimeKind::LoopCarriedLocal:
    return Life.AcrossOpenEndedLoop;
  case LifetimeKind::CallerOwned:
    return C.InsideLoop; // An output parameter reset for its caller.
  default:
    // Filled and emptied by this function alone: a cycle across its calls
    // when the emptying ends the fill (fill, then flush); a replacement
    // when it is filled again after (clear, then refill, as a setter does).
    return C.InsideLoop ||
           Fills.isFilledUnbounded(Life.Decl, IsString, Function) ||
           !Fills.isRefilledAfter(Life.Decl, IsString, Function, C.Site,
                                  Ctx.getSourceManager());
  }
}

void TruncateWithoutShrinkCheck::diagnose(const Candidate &C, ASTContext &Ctx) {
  // What the site does.
  std::optional<Site> S;
  std::optional<ContainerInfo> Info =
      Model.classify(C.Container->getType(), Ctx);
  if (!Info || Info->Family->IsAdaptor || Info->Storage == StorageKind::Node)
    return;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(C.Site))
    S = emptyingSite(Member, Ctx);
  else if (isStorageKeepingAssignment(C.Site, C.Container, *Info, Ctx))
    S = Site{Emptying::KeepingAssignment, C.Container, ""};
  if (!S)
    return;
  if (Info->isHashTable() && S->Kind == Emptying::Truncate)
    return;
  if (S->Kind != Emptying::KeepingAssignment && Info->Family->ClearFrees)
    return;

  const FunctionDecl *Function = C.Scope->functionOf(C.Site);
  if (!Function || !Function->getBody() || Function->isDependentContext() ||
      Function->isInvalidDecl())
    return;
  if (Reported.contains(C.Site->getBeginLoc()))
    return;
  std::optional<Lifetime> Life =
      classifyLifetime(C.Container, C.Site, *C.Scope, Ctx);
  if (!Life || !ReportedLifetimes.test(static_cast<size_t>(Life->Kind)))
    return;

  // The default mode keeps to what an engineer would act on: containers
  // fed unbounded data, with slots big enough to matter. `x = {}` reads like
  // a release, so it is reported whatever the container holds.
  if (Mode == ReportMode::Risky && !readsLikeRelease(*S, C.Site) &&
      !isRiskyCycle(C, *Info, *Life, Function, Ctx))
    return;
  // Sites that look like emptying and are not: the storage already went
  // elsewhere, the owner is new or about to die, a resize that sets up.
  if (isEmptyingMoot(Function->getBody(), C.Site, C.Container, Ctx) ||
      (S->Operation == "resize()" &&
       isSetUpBefore(Function->getBody(), C.Site, C.Container, Ctx)))
    return;
  if (managesCapacity(Function->getBody(), C.Container, Ctx) ||
      Releases.releasedOnEveryPathAfter(C.Site, C.Container, *Info, Function,
                                        Ctx))
    return;
  Reported.insert(C.Site->getBeginLoc());

  std::string Object = objectSpelling(C.Container, Ctx);
  if (Object.empty())
    Object = Life->Decl->getNameAsString();
  std::string TypeName =
      namedContainerDecl(C.Container) == Life->Decl
          ? spelledTypeFor(Life->Decl, Function, Object, Ctx)
          : Info->Type.getCanonicalType().getAsString(Ctx.getPrintingPolicy());

  // Choose the fix: the preferred idiom when a fresh container is certainly
  // equivalent, else clear-and-shrink where the type has it.
  const Stmt *Statement = statementHolding(C.Site, *C.Scope);
  const bool InBlock = isa_and_nonnull<CompoundStmt>(Statement);
  const bool FreshIsSafe = !Life->ThroughAlias && !Info->HasStatefulParts &&
                           Info->DefaultConstructible &&
                           !Info->Family->NoInPlaceRelease;
  const bool CanShrink = !Info->Family->NoInPlaceRelease &&
                         Info->supports(ReleaseStyle::Shrink);
  ReleaseStyle Preferred = Info->effectiveStyle(Shared.PreferredRelease);
  std::optional<ReleaseStyle> FixStyle;
  StringRef NoFixReason;
  if (touchesMacro(C.Site->getSourceRange())) {
    NoFixReason = "the statement comes from a macro";
  } else if (!Statement) {
    NoFixReason = "its value is used by the enclosing expression";
  } else if (S->Kind == Emptying::Truncate) {
    if (!Info->isContiguous() || !Info->HasShrinkToFit || !InBlock)
      NoFixReason = "the release needs a statement of its own here";
  } else {
    for (ReleaseStyle Style :
         {Preferred, Info->effectiveStyle(ReleaseStyle::Swap),
          ReleaseStyle::Shrink}) {
      bool Allowed = Info->effectiveStyle(Style) == Style &&
                     (Style == ReleaseStyle::Shrink ? CanShrink && InBlock
                                                    : FreshIsSafe);
      if (Allowed) {
        FixStyle = Style;
        break;
      }
    }
    if (!FixStyle)
      NoFixReason =
          Info->Family->NoInPlaceRelease ? "no in-place idiom releases this type"
          : Life->ThroughAlias
              ? "it is reached through a reference or pointer whose object "
                "may be shared"
          : Info->HasStatefulParts
              ? "its hasher, comparator or allocator may carry state that a "
                "fresh container would lose"
              : "its type is not default-constructible";
  }

  std::string Idiom =
      Info->releaseIdiom(FixStyle.value_or(Preferred), Object, TypeName);
  std::string Shrink = Object + ".shrink_to_fit();";
  SourceLocation Loc = C.Site->getBeginLoc();
  {
    DiagnosticBuilder Diag =
        S->Kind == Emptying::KeepingAssignment
            ? diag(Loc, "'%0' reads like a release but keeps the %1 of '%2' "
                        "(%3) at the high-water mark; %4")
                  << spelling(C.Site, Ctx) << Info->describeRetainedStorage()
                  << Object << Life->describe()
                  << releaseAdvice(*Info, Idiom)
        : S->Kind == Emptying::Truncate
            ? diag(Loc, "'%0' (%1) is truncated by %2 but keeps its %3 at the "
                        "high-water mark; %4")
                  << Object << Life->describe() << S->Operation
                  << Info->describeRetainedStorage()
                  << (Info->isContiguous() && Info->HasShrinkToFit &&
                              !Info->Family->NoInPlaceRelease
                          ? "release the excess with '" + Shrink + "'"
                          : releaseAdvice(*Info, Idiom) + " when it is empty")
            : diag(Loc, "'%0' (%1) is emptied by %2 but keeps its %3 at the "
                        "high-water mark; %4")
                  << Object << Life->describe() << S->Operation
                  << Info->describeRetainedStorage()
                  << releaseAdvice(*Info, Idiom);
    if (NoFixReason.empty() && S->Kind == Emptying::Truncate) {
      SourceLocation After = locationAfterSemicolon(C.Site, Ctx);
      if (After.isValid())
        Diag << FixItHint::CreateInsertion(After, " " + Shrink);
    } else if (NoFixReason.empty() && FixStyle) {
      StringRef Replacement = StringRef(Idiom).rtrim(';');
      Diag << FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(C.Site->getSourceRange()), Replacement);
    }
  }
  noteInlineSlots(*this, Loc, *Info, Ctx);
  if (S->Kind != Emptying::KeepingAssignment)
    noteBoundedPolicy(*this, Loc, *Info, Object);
  if (!NoFixReason.empty())
    noteNoFix(*this, Loc, NoFixReason);
}

} // namespace highwater
} // namespace clang::tidy
