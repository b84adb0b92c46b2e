//===--- SharedFunctionMatcher.cpp - one matcher for every highwater check ===//

#include "SharedFunctionMatcher.h"
#include "AnalysisUtils.h"
#include "llvm/ADT/DenseMap.h"
#include <mutex>

namespace clang::tidy::highwater {

namespace {
// clangd builds several files at once, each with its own MatchFinder and
// checks: the registry is shared between threads.
std::mutex RegistryMutex;
llvm::DenseMap<const ast_matchers::MatchFinder *,
               std::weak_ptr<SharedFunctionMatcher>> &registry() {
  static auto *Registry =
      new llvm::DenseMap<const ast_matchers::MatchFinder *,
                         std::weak_ptr<SharedFunctionMatcher>>();
  return *Registry;
}
} // namespace

std::shared_ptr<SharedFunctionMatcher>
SharedFunctionMatcher::subscribe(ast_matchers::MatchFinder *Finder,
                                 MatchCallback *Check) {
  std::shared_ptr<SharedFunctionMatcher> Shared;
  {
    std::lock_guard<std::mutex> Lock(RegistryMutex);
    std::weak_ptr<SharedFunctionMatcher> &Entry = registry()[Finder];
    Shared = Entry.lock();
    if (!Shared) {
      Shared = std::make_shared<SharedFunctionMatcher>(Finder);
      Entry = Shared;
      Finder->addMatcher(analysedFunction(), Shared.get());
    }
  }
  Shared->Checks.push_back(Check);
  return Shared;
}

SharedFunctionMatcher::~SharedFunctionMatcher() {
  std::lock_guard<std::mutex> Lock(RegistryMutex);
  auto It = registry().find(Finder);
  // Only this matcher's own entry: a finder created since at the same
  // address has a live one.
  if (It != registry().end() && It->second.expired())
    registry().erase(It);
}

void SharedFunctionMatcher::run(
    const ast_matchers::MatchFinder::MatchResult &Result) {
  for (MatchCallback *Check : Checks)
    Check->run(Result);
}

void SharedFunctionMatcher::onStartOfTranslationUnit() {
  for (MatchCallback *Check : Checks)
    Check->onStartOfTranslationUnit();
}

void SharedFunctionMatcher::onEndOfTranslationUnit() {
  for (MatchCallback *Check : Checks)
    Check->onEndOfTranslationUnit();
}

} // namespace clang::tidy::highwater
