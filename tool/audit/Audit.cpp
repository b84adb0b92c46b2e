//===--- Audit.cpp - `highwater audit` and `highwater merge` --------------===//
//
// The parent process: picks the TUs, takes what it can from the cache, runs
// the rest in child processes (AnalyseTU.cpp) at most -j at a time, merges
// their findings (a header's finding once), applies the gates and writes the
// reports. It never parses code itself, so no TU can crash it.
//
//===----------------------------------------------------------------------===//

#include "Audit.h"
#include "AnalyseTU.h"
#include "Cache.h"
#include "ChangedLines.h"
#include "Children.h"
#include "Finding.h"
#include "Options.h"
#include "Report.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/GlobList.h"
#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <map>
#include <set>

namespace highwater::audit {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace {

/// One clear line on stderr for a usage or configuration error.
int usageError(const llvm::Twine &Message) {
  llvm::errs() << "highwater: error: " << Message << "\n";
  return ExitUsage;
}

enum class Format { Text, JSON, SARIF };

struct AuditOptions {
  std::string CompilationDatabase;
  std::vector<std::string> Selectors; // paths or regexes
  unsigned Jobs = 0;
  std::optional<std::string> Checks;
  Format OutputFormat = Format::Text;
  std::string OutputFile; // "" is stdout
  std::string HtmlFile;
  std::string ExportFixesFile;
  bool Fix = false;
  std::string BaselineFile;
  std::string WriteBaselineFile;
  std::string ChangedSince;
  unsigned ShardIndex = 1, ShardCount = 1;
  std::string CacheDir;
  std::string Root;
  unsigned TimeoutSeconds = 900;
  bool AllowFailures = false;
  bool Quiet = false;
};

bool parseFormat(llvm::StringRef Text, Format &Out) {
  if (Text == "text")
    Out = Format::Text;
  else if (Text == "json")
    Out = Format::JSON;
  else if (Text == "sarif")
    Out = Format::SARIF;
  else
    return false;
  return true;
}

std::string absolute(llvm::StringRef Path) { return canonicalPath(Path); }

/// A file we will write at the end must have a directory to go to: checked
/// before any work, so a typo fails at once and nothing is half-written.
std::string checkWritable(llvm::StringRef Option, llvm::StringRef Path) {
  if (Path.empty() || Path == "-")
    return "";
  if (llvm::sys::fs::is_directory(Path))
    return Option.str() + " '" + Path.str() + "' is a directory; give a file name";
  llvm::SmallString<256> Parent(llvm::sys::path::parent_path(absolute(Path)));
  if (!llvm::sys::fs::is_directory(Parent))
    return Option.str() + " '" + Path.str() + "': directory '" +
           std::string(Parent) + "' does not exist";
  return "";
}

/// Writes \p Content to \p Path through a temporary file and a rename, so a
/// reader never sees half a file; "-" is stdout.
bool writeOutput(llvm::StringRef Path, llvm::StringRef Content) {
  if (Path.empty() || Path == "-") {
    llvm::outs() << Content;
    llvm::outs().flush();
    return true;
  }
  llvm::Error E = llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
    OS << Content;
    return llvm::Error::success();
  });
  if (E) {
    llvm::errs() << "highwater: error: cannot write '" << Path
                 << "': " << llvm::toString(std::move(E)) << "\n";
    return false;
  }
  return true;
}

std::string renderReport(const Report &R, Format F) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  switch (F) {
  case Format::Text:
    writeText(R, OS);
    break;
  case Format::JSON:
    OS << llvm::formatv("{0:2}", reportToJSON(R)) << "\n";
    break;
  case Format::SARIF:
    OS << llvm::formatv("{0:2}", reportToSARIF(R)) << "\n";
    break;
  }
  return Out;
}

// ---- The TUs -------------------------------------------------------------

struct TU {
  clang::tooling::CompileCommand Command;
  std::string File; // absolute
  std::string OptionsText;
  std::string CacheKey;
  std::optional<TUResult> Result;
  bool Affected = true; // by --changed-since
};

bool looksLikeRegex(llvm::StringRef S) {
  return S.find_first_of("*?[]()|^$+\\") != llvm::StringRef::npos;
}

/// The TUs of the database that the selectors name (all when none), sorted
/// by file so that shards and reports do not depend on the database's order.
std::string selectTUs(const clang::tooling::CompilationDatabase &Database,
                      const std::vector<std::string> &Selectors,
                      std::vector<TU> &Out) {
  std::vector<clang::tooling::CompileCommand> Commands =
      Database.getAllCompileCommands();
  if (Commands.empty())
    return "the compilation database has no entries";
  struct Selector {
    std::string Text;
    std::optional<std::string> Path; // absolute, for a path selector
    std::optional<llvm::Regex> Pattern;
    bool Matched = false;
  };
  std::vector<Selector> Parsed;
  for (const std::string &S : Selectors) {
    Selector Sel;
    Sel.Text = S;
    if (llvm::sys::fs::exists(S)) {
      Sel.Path = absolute(S);
    } else if (looksLikeRegex(S)) {
      llvm::Regex Pattern(S);
      std::string Error;
      if (!Pattern.isValid(Error))
        return "'" + S + "' is neither an existing path nor a valid regex (" +
               Error + ")";
      Sel.Pattern = std::move(Pattern);
    } else {
      return "path '" + S + "' does not exist";
    }
    Parsed.push_back(std::move(Sel));
  }
  for (clang::tooling::CompileCommand &C : Commands) {
    std::string File = canonicalPath(C.Filename, C.Directory);
    bool Selected = Parsed.empty();
    for (Selector &Sel : Parsed) {
      bool Match = false;
      if (Sel.Path) {
        llvm::StringRef F(File);
        Match = F == *Sel.Path ||
                (F.starts_with(*Sel.Path) && F.size() > Sel.Path->size() &&
                 F[Sel.Path->size()] == '/');
      } else {
        Match = Sel.Pattern->match(File);
      }
      Sel.Matched |= Match;
      Selected |= Match;
    }
    if (Selected) {
      TU Unit;
      Unit.File = File;
      Unit.Command = std::move(C);
      Out.push_back(std::move(Unit));
    }
  }
  for (const Selector &Sel : Parsed)
    if (!Sel.Matched)
      return "no translation unit in the compilation database matches '" +
             Sel.Text + "'";
  std::stable_sort(Out.begin(), Out.end(), [](const TU &A, const TU &B) {
    return A.File < B.File;
  });
  return "";
}

std::string sha256Hex(llvm::StringRef Text) {
  auto Hash = llvm::SHA256::hash(llvm::arrayRefFromStringRef(Text));
  std::string Hex;
  llvm::raw_string_ostream OS(Hex);
  for (uint8_t Byte : Hash)
    OS << llvm::format_hex_no_prefix(Byte, 2);
  return Hex;
}

std::string cacheKeyOf(const TU &Unit) {
  std::string Material = "highwater " + toolVersion().str() + '\0' +
                         Unit.Command.Directory + '\0' + Unit.File + '\0';
  for (const std::string &Arg : Unit.Command.CommandLine)
    Material += Arg + '\0';
  Material += Unit.OptionsText;
  return sha256Hex(Material);
}

// ---- Baselines -----------------------------------------------------------

std::string readBaseline(llvm::StringRef Path, std::set<std::string> &Out) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return "cannot read baseline '" + Path.str() +
           "': " + Buffer.getError().message();
  auto Parsed = llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return "baseline '" + Path.str() +
           "' is not JSON: " + llvm::toString(Parsed.takeError());
  const Object *O = Parsed->getAsObject();
  const Array *Fingerprints = O ? O->getArray("fingerprints") : nullptr;
  if (!Fingerprints)
    return "baseline '" + Path.str() +
           "' has no \"fingerprints\" list; write one with --write-baseline";
  for (const Value &V : *Fingerprints)
    if (auto S = V.getAsString())
      Out.insert(S->str());
  return "";
}

std::string baselineText(const std::vector<Finding> &Findings) {
  std::set<std::string> Sorted;
  for (const Finding &F : Findings)
    Sorted.insert(F.Fingerprint);
  Array List;
  for (const std::string &S : Sorted)
    List.push_back(S);
  std::string Out;
  llvm::raw_string_ostream(Out) << llvm::formatv(
      "{0:2}", Value(Object{{"tool", "highwater"},
                            {"version", 1},
                            {"fingerprints", std::move(List)}}))
                                << "\n";
  return Out;
}

// ---- Fixes ---------------------------------------------------------------

std::string exportFixesText(const Report &R) {
  std::vector<clang::tidy::ClangTidyError> Errors;
  for (const Finding &F : R.Findings) {
    if (F.Fix.empty())
      continue;
    clang::tidy::ClangTidyError Error(F.Check,
                                      clang::tooling::Diagnostic::Warning,
                                      F.BuildDirectory, false);
    Error.Message = clang::tooling::DiagnosticMessage();
    Error.Message.Message = F.Message;
    Error.Message.FilePath = F.File;
    Error.Message.FileOffset = F.Offset;
    for (const Edit &E : F.Fix)
      llvm::consumeError(Error.Message.Fix[E.File].add(
          clang::tooling::Replacement(E.File, E.Offset, E.Length, E.Text)));
    Errors.push_back(std::move(Error));
  }
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  clang::tidy::exportReplacements(R.Root, Errors, OS);
  return Out;
}

/// Applies the fixes of \p Findings; a fix that overlaps one already taken is
/// skipped whole. Returns false when a file could not be written.
bool applyFixes(const std::vector<Finding> &Findings, bool Quiet) {
  std::map<std::string, clang::tooling::Replacements> ByFile;
  unsigned Applied = 0, Skipped = 0;
  for (const Finding &F : Findings) {
    if (F.Fix.empty())
      continue;
    std::map<std::string, clang::tooling::Replacements> Trial = ByFile;
    bool Conflict = false;
    for (const Edit &E : F.Fix)
      if (llvm::Error Err = Trial[E.File].add(
              clang::tooling::Replacement(E.File, E.Offset, E.Length, E.Text))) {
        llvm::consumeError(std::move(Err));
        Conflict = true;
      }
    if (Conflict) {
      ++Skipped;
      continue;
    }
    ByFile = std::move(Trial);
    ++Applied;
  }
  bool Ok = true;
  for (auto &[File, Replacements] : ByFile) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer) {
      llvm::errs() << "highwater: error: cannot read '" << File << "' to fix it\n";
      Ok = false;
      continue;
    }
    auto Fixed = clang::tooling::applyAllReplacements((*Buffer)->getBuffer(),
                                                       Replacements);
    if (!Fixed) {
      llvm::errs() << "highwater: error: cannot fix '" << File
                   << "': " << llvm::toString(Fixed.takeError()) << "\n";
      Ok = false;
      continue;
    }
    Ok &= writeOutput(File, *Fixed);
  }
  if (!Quiet)
    llvm::errs() << "highwater: applied " << Applied << " fix"
                 << (Applied == 1 ? "" : "es") << " to " << ByFile.size()
                 << " file" << (ByFile.size() == 1 ? "" : "s")
                 << (Skipped ? ", skipped " + std::to_string(Skipped) +
                                   " that overlap another"
                             : "")
                 << "\n";
  return Ok;
}

// ---- Options -------------------------------------------------------------

/// A typo in --checks would silently run fewer checks: each glob that adds
/// checks must name at least one.
std::string checkGlobsMatch(llvm::StringRef Checks) {
  clang::tidy::ChecksAndOptions Known =
      clang::tidy::getAllChecksAndOptions(false, false);
  llvm::SmallVector<llvm::StringRef> Globs;
  Checks.split(Globs, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Glob : Globs) {
    Glob = Glob.trim();
    if (Glob.empty() || Glob.starts_with("-"))
      continue;
    clang::tidy::GlobList Pattern(Glob);
    bool Matches = false;
    for (const auto &Check : Known.Checks)
      if (Pattern.contains(Check.getKey())) {
        Matches = true;
        break;
      }
    if (!Matches)
      return "--checks: '" + Glob.str() +
             "' names no check; 'highwater-tidy -checks=* --list-checks' lists them";
  }
  return "";
}

/// The options whose value is a path or a name, stored as given.
struct TextOption {
  llvm::StringRef Name;
  llvm::StringRef LongName; // "" when there is only one spelling
  std::string AuditOptions::*Field;
};
const TextOption TextOptions[] = {
    {"-p", "--build-path", &AuditOptions::CompilationDatabase},
    {"-o", "--output", &AuditOptions::OutputFile},
    {"--html", "", &AuditOptions::HtmlFile},
    {"--export-fixes", "", &AuditOptions::ExportFixesFile},
    {"--baseline", "", &AuditOptions::BaselineFile},
    {"--write-baseline", "", &AuditOptions::WriteBaselineFile},
    {"--changed-since", "", &AuditOptions::ChangedSince},
    {"--cache", "", &AuditOptions::CacheDir},
    {"--root", "", &AuditOptions::Root},
};

std::string parseAuditArgs(llvm::ArrayRef<llvm::StringRef> Args,
                           AuditOptions &O) {
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    llvm::StringRef Value;
    auto TakeValue = [&](llvm::StringRef Name) -> bool {
      if (Arg.consume_front((Name + "=").str())) {
        Value = Arg;
        return true;
      }
      // -j8, -pbuild: short options take their value attached too.
      if (Name.size() == 2 && Arg.size() > 2 && Arg.starts_with(Name)) {
        Value = Arg.drop_front(2);
        return true;
      }
      if (Arg != Name)
        return false;
      if (I + 1 >= Args.size()) {
        Value = "";
        return true;
      }
      Value = Args[++I];
      return true;
    };
    auto Missing = [&](llvm::StringRef Name) {
      return "option '" + Name.str() + "' needs a value";
    };
    const TextOption *Text =
        llvm::find_if(TextOptions, [&](const TextOption &T) {
          return TakeValue(T.Name) ||
                 (!T.LongName.empty() && TakeValue(T.LongName));
        });
    if (Text != std::end(TextOptions)) {
      if (Value.empty())
        return Missing(Text->Name);
      O.*(Text->Field) = Value.str();
    } else if (TakeValue("-j") || TakeValue("--jobs")) {
      if (Value.getAsInteger(10, O.Jobs) || O.Jobs == 0)
        return "-j needs a positive number, not '" + Value.str() + "'";
    } else if (TakeValue("--checks")) {
      if (Value.empty())
        return Missing("--checks");
      O.Checks = Value.str();
    } else if (TakeValue("--format")) {
      if (!parseFormat(Value, O.OutputFormat))
        return "--format must be text, json or sarif, not '" + Value.str() + "'";
    } else if (Arg == "--fix") {
      O.Fix = true;
    } else if (TakeValue("--shard")) {
      auto [Index, Count] = Value.split('/');
      if (Index.getAsInteger(10, O.ShardIndex) ||
          Count.getAsInteger(10, O.ShardCount) || O.ShardCount == 0 ||
          O.ShardIndex == 0 || O.ShardIndex > O.ShardCount)
        return "--shard must be I/N with 1 <= I <= N, not '" + Value.str() + "'";
    } else if (TakeValue("--timeout")) {
      if (Value.getAsInteger(10, O.TimeoutSeconds))
        return "--timeout needs a number of seconds (0: none), not '" +
               Value.str() + "'";
    } else if (Arg == "--allow-failures") {
      O.AllowFailures = true;
    } else if (Arg == "-q" || Arg == "--quiet") {
      O.Quiet = true;
    } else if (Arg.starts_with("-") && Arg != "-") {
      return "unknown option '" + Arg.str() + "'";
    } else {
      O.Selectors.push_back(Arg.str());
    }
  }
  if (O.CompilationDatabase.empty())
    return "no compilation database: pass -p <build dir or compile_commands.json>";
  return "";
}

constexpr const char *AuditHelp = R"(usage: highwater audit -p <build dir or compile_commands.json> [options] [paths or regexes...]

Audits every translation unit of a compilation database (or those under the
given paths or matching the given regexes) with clang-tidy's engine, each in
its own process. Checks: -*,highwater-*, then .clang-tidy files, then --checks.

  -p PATH                 build directory holding compile_commands.json, or the file
  -j N                    analyse N TUs at once (default: the number of cores)
  --checks GLOB           clang-tidy checks glob, applied after .clang-tidy files
  --format text|json|sarif   report format (default text)
  -o FILE                 write the report to FILE instead of stdout
  --html FILE             also write a self-contained HTML report
  --export-fixes FILE     write the suggested fixes for clang-apply-replacements
  --fix                   apply the suggested fixes
  --baseline FILE         findings whose fingerprints FILE lists do not fail the gate
  --write-baseline FILE   record every current finding as accepted
  --changed-since REV     analyse only TUs that read a file changed since REV,
                          report only findings on changed lines
  --shard I/N             analyse the I-th of N deterministic slices of the TUs
  --cache DIR             reuse results of TUs whose inputs did not change
  --root DIR              paths in reports are relative to DIR (default: .)
  --timeout SECONDS       give up on a TU after SECONDS (default 900, 0: never)
  --allow-failures        TUs that cannot be analysed do not fail the run
  -q, --quiet             no progress and no summary

exit codes: 0 no findings over the gate, 1 findings, 2 usage or configuration
error, 3 some translation units could not be analysed
)";

} // namespace

int auditMain(const char *Argv0, llvm::ArrayRef<llvm::StringRef> Args) {
  for (llvm::StringRef A : Args)
    if (A == "--help" || A == "-h") {
      llvm::outs() << AuditHelp;
      return ExitClean;
    }
  AuditOptions O;
  if (std::string E = parseAuditArgs(Args, O); !E.empty()) {
    llvm::errs() << "highwater: error: " << E
                 << " (see 'highwater audit --help')\n";
    return ExitUsage;
  }
  auto Started = std::chrono::steady_clock::now();

  // Everything that can be wrong with the input is found before any work.
  std::string DatabasePath = O.CompilationDatabase;
  if (llvm::sys::fs::is_directory(DatabasePath)) {
    llvm::SmallString<256> P(DatabasePath);
    llvm::sys::path::append(P, "compile_commands.json");
    DatabasePath = std::string(P);
    if (!llvm::sys::fs::exists(DatabasePath))
      return usageError("no compile_commands.json in '" + O.CompilationDatabase +
                        "'; configure the build with "
                        "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON or pass the file with -p");
  } else if (!llvm::sys::fs::exists(DatabasePath)) {
    return usageError("compilation database '" + DatabasePath +
                      "' does not exist");
  }
  std::string DatabaseError;
  auto Database = clang::tooling::JSONCompilationDatabase::loadFromFile(
      DatabasePath, DatabaseError,
      clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Database)
    return usageError("cannot read compilation database '" + DatabasePath +
                      "': " + DatabaseError);
  for (auto [Option, Path] :
       {std::pair<llvm::StringRef, llvm::StringRef>{"-o", O.OutputFile},
        {"--html", O.HtmlFile},
        {"--export-fixes", O.ExportFixesFile},
        {"--write-baseline", O.WriteBaselineFile}})
    if (std::string E = checkWritable(Option, Path); !E.empty())
      return usageError(E);
  std::set<std::string> Baseline;
  if (!O.BaselineFile.empty())
    if (std::string E = readBaseline(O.BaselineFile, Baseline); !E.empty())
      return usageError(E);
  if (!O.CacheDir.empty() && llvm::sys::fs::exists(O.CacheDir) &&
      !llvm::sys::fs::is_directory(O.CacheDir))
    return usageError("--cache '" + O.CacheDir + "' is a file, not a directory");
  if (O.Checks)
    if (std::string E = checkGlobsMatch(*O.Checks); !E.empty())
      return usageError(E);
  O.Root = absolute(O.Root.empty() ? "." : O.Root);
  if (!llvm::sys::fs::is_directory(O.Root))
    return usageError("--root '" + O.Root + "' is not a directory");

  std::vector<TU> Units;
  if (std::string E = selectTUs(*Database, O.Selectors, Units); !E.empty())
    return usageError(E);
  if (O.ShardCount > 1) {
    std::vector<TU> Shard;
    for (size_t I = 0; I < Units.size(); ++I)
      if (I % O.ShardCount == O.ShardIndex - 1)
        Shard.push_back(std::move(Units[I]));
    Units = std::move(Shard);
  }

  // A .clang-tidy that does not parse would be skipped with a message lost
  // in the progress output: stop instead.
  std::set<std::string> Directories;
  for (const TU &Unit : Units)
    if (Directories.insert(llvm::sys::path::parent_path(Unit.File).str()).second)
      if (std::string E = checkConfigFiles(Unit.File); !E.empty())
        return usageError(E);
  auto Provider = makeOptionsProvider(O.Checks);
  for (TU &Unit : Units) {
    clang::tidy::ClangTidyOptions Effective = Provider->getOptions(Unit.File);
    if (!Units.empty() && &Unit == &Units.front() &&
        clang::tidy::getCheckNames(Effective, false, false).empty())
      return usageError("no checks are enabled for '" + Unit.File +
                        "'; check --checks and the Checks of .clang-tidy");
    Unit.OptionsText = clang::tidy::configurationAsText(Effective);
    Unit.CacheKey = cacheKeyOf(Unit);
  }
  if (!O.CacheDir.empty())
    if (std::error_code EC = llvm::sys::fs::create_directories(O.CacheDir))
      return usageError("cannot create cache directory '" + O.CacheDir +
                        "': " + EC.message());

  llvm::SmallString<128> TempDir;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueDirectory("highwater-audit", TempDir))
    return usageError("cannot create a temporary directory: " + EC.message());
  std::string Self = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&auditMain));
  unsigned Parallel =
      O.Jobs ? O.Jobs : llvm::hardware_concurrency().compute_thread_count();
  stopOnInterrupt(true);

  Report R;
  R.Root = O.Root;
  R.TUsSelected = Units.size();

  ChangedLines Changed;
  Cache TheCache(O.CacheDir);
  ContentHashes Hashes;
  if (TheCache.enabled())
    for (TU &Unit : Units)
      Unit.Result = TheCache.lookup(Unit.CacheKey, Hashes);

  if (!O.ChangedSince.empty()) {
    if (std::string E = changedLinesSince(O.ChangedSince, O.Root, TempDir, Changed);
        !E.empty()) {
      llvm::sys::fs::remove_directories(TempDir);
      return usageError(E);
    }
    // Which files each TU reads: from its analysis when cached, else from
    // a preprocessing pass, which is much cheaper than an analysis.
    std::vector<Job> DependencyJobs;
    std::vector<size_t> DependencyUnits;
    auto AffectedBy = [&](const std::vector<std::string> &Files) {
      for (const std::string &F : Files)
        if (Changed.ByFile.count(F))
          return true;
      return false;
    };
    for (size_t I = 0; I < Units.size(); ++I) {
      TU &Unit = Units[I];
      if (Changed.ByFile.count(Unit.File))
        continue;
      std::optional<std::vector<std::string>> Files;
      if (Unit.Result)
        Files = Unit.Result->FilesRead;
      if (!Files) {
        DependencyJobs.push_back({Job::ListDependencies, Unit.Command, O.Checks});
        DependencyUnits.push_back(I);
        continue;
      }
      Unit.Affected = AffectedBy(*Files);
    }
    Progress Bar("finding what the change affects", DependencyJobs.size(),
                 O.Quiet);
    runChildren(Self, TempDir, DependencyJobs, Parallel, O.TimeoutSeconds, Bar,
                [&](size_t Index, TUResult Deps) {
                  // A TU whose dependencies are unknown is analysed.
                  Units[DependencyUnits[Index]].Affected =
                      Deps.Failed || Deps.FilesRead.empty() ||
                      AffectedBy(Deps.FilesRead);
                },
                [] { return size_t(0); });
    for (TU &Unit : Units)
      if (!Unit.Affected) {
        ++R.TUsUnaffected;
        Unit.Result.reset();
      }
  }

  std::vector<Job> Jobs;
  std::vector<size_t> JobUnits;
  // Distinct findings so far, for the progress line: a header's once.
  std::set<std::string> SeenFindings;
  auto Count = [&](const TUResult &Result) {
    for (const Finding &F : Result.Findings)
      SeenFindings.insert(F.Check + '\0' + F.File + '\0' +
                          std::to_string(F.Offset) + '\0' + F.Message);
  };
  for (size_t I = 0; I < Units.size(); ++I) {
    TU &Unit = Units[I];
    if (!Unit.Affected)
      continue;
    if (Unit.Result) {
      ++R.TUsFromCache;
      Count(*Unit.Result);
      continue;
    }
    Jobs.push_back({Job::Analyse, Unit.Command, O.Checks});
    JobUnits.push_back(I);
  }
  Progress Bar("auditing", Jobs.size(), O.Quiet);
  bool Complete = !interrupted() &&
      runChildren(Self, TempDir, Jobs, Parallel, O.TimeoutSeconds, Bar,
                  [&](size_t Index, TUResult Result) {
                    TU &Unit = Units[JobUnits[Index]];
                    ++R.TUsAnalysed;
                    Count(Result);
                    if (TheCache.enabled() && !Result.Failed)
                      TheCache.store(Unit.CacheKey, Result, Hashes);
                    Unit.Result = std::move(Result);
                  },
                  [&] { return SeenFindings.size(); });
  llvm::sys::fs::remove_directories(TempDir);
  stopOnInterrupt(false);

  std::vector<Finding> All;
  for (TU &Unit : Units) {
    if (!Unit.Affected)
      continue;
    if (!Unit.Result) {
      ++R.TUsNotRun;
      continue;
    }
    if (Unit.Result->Failed) {
      // Paths in the reason read like those in the rest of the report.
      std::string Reason = Unit.Result->FailureReason;
      std::string Prefix = O.Root + "/";
      for (size_t At; (At = Reason.find(Prefix)) != std::string::npos;)
        Reason.erase(At, Prefix.size());
      R.Failures.push_back({Unit.File, Reason});
    }
    for (Finding &F : Unit.Result->Findings)
      All.push_back(F);
  }
  R.Partial = !Complete || R.TUsNotRun > 0;
  dedupFindings(All);
  assignFingerprints(All, O.Root);

  for (Finding &F : All) {
    if (!O.ChangedSince.empty()) {
      auto It = Changed.ByFile.find(F.File);
      if (It == Changed.ByFile.end() || !It->second.count(F.Line))
        continue;
    }
    if (Baseline.count(F.Fingerprint)) {
      ++R.FindingsInBaseline;
      continue;
    }
    R.Findings.push_back(F);
  }
  R.Seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                            Started)
                  .count();

  bool Written = true;
  if (O.OutputFile.empty() && O.OutputFormat == Format::Text &&
      llvm::outs().has_colors()) {
    writeText(R, llvm::outs()); // in colour, on a terminal
    llvm::outs().flush();
  } else {
    Written = writeOutput(O.OutputFile, renderReport(R, O.OutputFormat));
  }
  if (!O.HtmlFile.empty())
    Written &= writeOutput(O.HtmlFile, reportToHTML(R));
  if (!O.ExportFixesFile.empty())
    Written &= writeOutput(O.ExportFixesFile, exportFixesText(R));
  if (!O.WriteBaselineFile.empty())
    Written &= writeOutput(O.WriteBaselineFile, baselineText(All));
  if (O.Fix)
    Written &= applyFixes(R.Findings, O.Quiet);
  if (!O.Quiet) {
    writeSummary(R, llvm::errs());
    if (!O.HtmlFile.empty())
      llvm::errs() << "highwater: HTML report: " << absolute(O.HtmlFile) << "\n";
  }
  if (!Written)
    return ExitUsage;
  if ((!R.Failures.empty() && !O.AllowFailures) || R.Partial)
    return ExitFailures;
  if (!R.Findings.empty() && O.WriteBaselineFile.empty())
    return ExitFindings;
  return ExitClean;
}

int mergeMain(llvm::ArrayRef<llvm::StringRef> Args) {
  Format OutputFormat = Format::JSON;
  std::string OutputFile, HtmlFile;
  std::vector<std::string> Inputs;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    auto Next = [&]() -> std::optional<llvm::StringRef> {
      if (I + 1 >= Args.size())
        return std::nullopt;
      return Args[++I];
    };
    if (Arg == "--help" || Arg == "-h") {
      llvm::outs() << "usage: highwater merge REPORT... [--format text|json|sarif] "
                      "[-o FILE] [--html FILE]\n"
                      "Combines the JSON or SARIF reports of audit shards into one.\n";
      return ExitClean;
    }
    if (Arg == "--format" || Arg.starts_with("--format=")) {
      std::optional<llvm::StringRef> V = Arg.consume_front("--format=")
                                             ? std::optional<llvm::StringRef>(Arg)
                                             : Next();
      if (!V || !parseFormat(*V, OutputFormat))
        return usageError("--format must be text, json or sarif");
    } else if (Arg == "-o") {
      auto V = Next();
      if (!V)
        return usageError("option '-o' needs a value");
      OutputFile = V->str();
    } else if (Arg == "--html") {
      auto V = Next();
      if (!V)
        return usageError("option '--html' needs a value");
      HtmlFile = V->str();
    } else if (Arg.starts_with("-")) {
      return usageError("unknown option '" + Arg + "'");
    } else {
      Inputs.push_back(Arg.str());
    }
  }
  if (Inputs.empty())
    return usageError("merge needs the reports to merge: highwater merge a.json b.json -o all.json");
  for (auto [Option, Path] : {std::pair<llvm::StringRef, llvm::StringRef>{
                                  "-o", OutputFile},
                              {"--html", HtmlFile}})
    if (std::string E = checkWritable(Option, Path); !E.empty())
      return usageError(E);
  Report Merged;
  std::vector<Finding> All;
  for (const std::string &Input : Inputs) {
    Report Part;
    if (std::string E = reportFromFile(Input, Part); !E.empty())
      return usageError(E);
    if (Merged.Root.empty())
      Merged.Root = Part.Root;
    else if (Part.Root != Merged.Root)
      return usageError("'" + Input + "' was written for root '" + Part.Root +
                        "', the others for '" + Merged.Root + "'");
    Merged.TUsSelected += Part.TUsSelected;
    Merged.TUsAnalysed += Part.TUsAnalysed;
    Merged.TUsFromCache += Part.TUsFromCache;
    Merged.TUsUnaffected += Part.TUsUnaffected;
    Merged.TUsNotRun += Part.TUsNotRun;
    Merged.FindingsInBaseline += Part.FindingsInBaseline;
    Merged.Partial |= Part.Partial;
    Merged.Seconds = std::max(Merged.Seconds, Part.Seconds);
    for (Finding &F : Part.Findings)
      All.push_back(std::move(F));
    for (Failure &F : Part.Failures)
      Merged.Failures.push_back(std::move(F));
  }
  // A header's finding seen by TUs of several shards is kept once; the
  // fingerprints are those the unsharded audit gives.
  dedupFindings(All);
  assignFingerprints(All, Merged.Root);
  Merged.Findings = std::move(All);
  std::sort(Merged.Failures.begin(), Merged.Failures.end(),
            [](const Failure &A, const Failure &B) { return A.File < B.File; });
  bool Written = writeOutput(OutputFile, renderReport(Merged, OutputFormat));
  if (!HtmlFile.empty())
    Written &= writeOutput(HtmlFile, reportToHTML(Merged));
  if (!Written)
    return ExitUsage;
  if (!Merged.Failures.empty() || Merged.Partial)
    return ExitFailures;
  return Merged.Findings.empty() ? ExitClean : ExitFindings;
}

} // namespace highwater::audit
