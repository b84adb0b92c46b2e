//===--- HighwaterTidyModule.cpp - the highwater-* checks -----------------===//

#include "EraseAllLoopCheck.h"
#include "RetainedPastEndCheck.h"
#include "TruncateWithoutShrinkCheck.h"
#include "clang-tidy/ClangTidyModule.h"

namespace clang::tidy {
namespace highwater {

class HighwaterModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<EraseAllLoopCheck>("highwater-erase-all-loop");
    Factories.registerCheck<RetainedPastEndCheck>("highwater-retained-past-end");
    Factories.registerCheck<TruncateWithoutShrinkCheck>(
        "highwater-truncate-without-shrink");
  }
};

} // namespace highwater

static ClangTidyModuleRegistry::Add<highwater::HighwaterModule>
    X("highwater-module",
      "Finds containers kept at their memory high-water mark.");

// Referenced by the statically linked drivers so the linker keeps this file.
volatile int HighwaterModuleAnchorSource = 0;

} // namespace clang::tidy
