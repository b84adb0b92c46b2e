//===--- Options.cpp - clang-tidy options the audit runs with -------------===//

#include "Options.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

namespace highwater::audit {

std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>
makeOptionsProvider(const std::optional<std::string> &ChecksOverride,
                    std::vector<std::string> ExtraArgs) {
  clang::tidy::ClangTidyOptions Defaults =
      clang::tidy::ClangTidyOptions::getDefaults();
  Defaults.Checks = DefaultChecks;
  // Project headers are where shared containers live; system headers stay
  // out (SystemHeaders is false by default).
  Defaults.HeaderFilterRegex = ".*";
  clang::tidy::ClangTidyOptions Overrides;
  if (ChecksOverride)
    Overrides.Checks = *ChecksOverride;
  if (!ExtraArgs.empty())
    Overrides.ExtraArgs = std::move(ExtraArgs);
  return std::make_unique<clang::tidy::FileOptionsProvider>(
      clang::tidy::ClangTidyGlobalOptions(), Defaults, Overrides,
      llvm::vfs::getRealFileSystem());
}

std::string checkConfigFiles(llvm::StringRef File) {
  // The files clang-tidy reads for File: the nearest .clang-tidy above it,
  // and its parents' while each says InheritParentConfig.
  for (llvm::StringRef Dir = llvm::sys::path::parent_path(File); !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    llvm::SmallString<256> Config(Dir);
    llvm::sys::path::append(Config, ".clang-tidy");
    auto Buffer = llvm::MemoryBuffer::getFile(Config);
    if (!Buffer) {
      if (Buffer.getError() == std::errc::no_such_file_or_directory)
        continue;
      return "cannot read '" + std::string(Config) +
             "': " + Buffer.getError().message();
    }
    std::string Message;
    auto Parsed = clang::tidy::parseConfigurationWithDiags(
        (*Buffer)->getMemBufferRef(), [&](const llvm::SMDiagnostic &D) {
          if (Message.empty())
            Message = std::to_string(D.getLineNo()) + ":" +
                      std::to_string(D.getColumnNo() + 1) + ": " +
                      D.getMessage().str();
        });
    if (!Parsed)
      return "'" + std::string(Config) + "' is not a valid clang-tidy configuration" +
             (Message.empty() ? ": " + Parsed.getError().message()
                              : " (line " + Message + ")");
    if (!Parsed->InheritParentConfig.value_or(false))
      return "";
    if (Dir == llvm::sys::path::root_path(Dir))
      break;
  }
  return "";
}

std::string effectiveOptionsText(clang::tidy::ClangTidyOptionsProvider &P,
                                 llvm::StringRef File) {
  return clang::tidy::configurationAsText(P.getOptions(File));
}

} // namespace highwater::audit
