//===--- Options.h - clang-tidy options the audit runs with ---------------===//
//
// One place builds the options provider, so the parent (for cache keys) and
// the child (for the analysis) see the same effective configuration:
// defaults, then the .clang-tidy files above each source, then --checks.
//
//===----------------------------------------------------------------------===//

#ifndef HIGHWATER_TOOL_AUDIT_OPTIONS_H
#define HIGHWATER_TOOL_AUDIT_OPTIONS_H

#include "clang-tidy/ClangTidyOptions.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace highwater::audit {

/// The checks an audit runs when neither .clang-tidy nor --checks says.
inline constexpr const char *DefaultChecks = "-*,highwater-*";

std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>
makeOptionsProvider(const std::optional<std::string> &ChecksOverride,
                    std::vector<std::string> ExtraArgs = {});

/// "" when every .clang-tidy that configures \p File parses, else one line
/// naming the file and the error (clang-tidy itself would skip the file).
std::string checkConfigFiles(llvm::StringRef File);

/// The effective configuration for \p File as YAML text.
std::string effectiveOptionsText(clang::tidy::ClangTidyOptionsProvider &P,
                                 llvm::StringRef File);

} // namespace highwater::audit

#endif
