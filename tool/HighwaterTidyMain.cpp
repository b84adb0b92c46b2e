//===--- HighwaterTidyMain.cpp - clang-tidy with the highwater checks -----===//
//
// clang-tidy's own driver with the highwater module linked in beside every
// clang-tidy check: for users whose clang-tidy cannot load plugins.
//
//===----------------------------------------------------------------------===//

#include "ResourceDir.h"
#include "clang-tidy/tool/ClangTidyMain.h"
#include <string>
#include <vector>

namespace clang::tidy {
extern volatile int HighwaterModuleAnchorSource;
[[maybe_unused]] static int HighwaterModuleAnchorDestination =
    HighwaterModuleAnchorSource;
} // namespace clang::tidy

int main(int argc, const char **argv) {
  std::vector<const char *> Args(argv, argv + argc);
  std::string ResourceDir =
      highwater::resourceDirToAdd(argv[0], Args, "-resource-dir");
  std::string Extra = "--extra-arg-before=-resource-dir=" + ResourceDir;
  if (!ResourceDir.empty())
    Args.insert(Args.begin() + 1, Extra.c_str());
  return clang::tidy::clangTidyMain(static_cast<int>(Args.size()), Args.data());
}
