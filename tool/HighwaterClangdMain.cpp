//===--- HighwaterClangdMain.cpp - clangd with the highwater checks -------===//
//
// Stock clangd cannot load clang-tidy plugins, so editors get our checks from
// this build of clangd with the highwater module linked in.
//
//===----------------------------------------------------------------------===//

#include "ResourceDir.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

namespace clang::tidy {
extern volatile int HighwaterModuleAnchorSource;
[[maybe_unused]] static int HighwaterModuleAnchorDestination =
    HighwaterModuleAnchorSource;
} // namespace clang::tidy

// clangd runs only checks it has measured as fast unless the user sets
// FastCheckFilter to Loose or None. Ours are measured in bench/ (well under
// clangd's 5% budget), so the link wraps clangd's lookup (-Wl,--wrap) to
// answer "fast" for highwater-* and defer to clangd's table for the rest.
std::optional<bool> realIsFastTidyCheck(llvm::StringRef Check) __asm__(
    "__real__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");
std::optional<bool> wrappedIsFastTidyCheck(llvm::StringRef Check) __asm__(
    "__wrap__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");
std::optional<bool> wrappedIsFastTidyCheck(llvm::StringRef Check) {
  if (Check.starts_with("highwater-"))
    return true;
  return realIsFastTidyCheck(Check);
}

int main(int argc, char *argv[]) {
  std::vector<const char *> ConstArgs(argv, argv + argc);
  std::string ResourceDir =
      highwater::resourceDirToAdd(argv[0], ConstArgs, "-resource-dir");
  std::string Flag = "--resource-dir=" + ResourceDir;
  std::vector<char *> Args(argv, argv + argc);
  if (!ResourceDir.empty())
    Args.insert(Args.begin() + 1, Flag.data());
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size() - 1),
                                   Args.data());
}
