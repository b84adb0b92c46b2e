//===- RunLine.h - RUN-line parsing for the check-test harness ------------===//
//
// The pure (process-free) half of the harness: how an annotated test file is
// read. It follows LLVM's clang-tools-extra/test/clang-tidy/check_clang_tidy.py:
//
//   // RUN: %check_highwater [options] %s <check> %t [-- <tidy args> [-- <cc args>]]
//
// (a RUN line ending in a backslash continues on the next RUN line).
// Harness options (before the first `--`, in any order with the three
// positional arguments):
//   -check-suffix=X / -check-suffixes=X,Y  FileCheck prefix suffixes; an empty
//                                         element means the bare prefixes
//   -expect-clang-tidy-error               the driver must exit non-zero
//   -std=c++17[-or-later][,...]           appended as -std=... to the compiler
//                                         args; `-or-later` runs once per
//                                         standard
//   -match-partial-fixes                   CHECK-FIXES may match part of a line
//   -resource-dir=DIR, -assume-filename=F  as in check_clang_tidy.py
//
//===----------------------------------------------------------------------===//

#ifndef HIGHWATER_TEST_HARNESS_RUNLINE_H
#define HIGHWATER_TEST_HARNESS_RUNLINE_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace highwater::harness {

/// Splits \p Line into words like a POSIX shell does for a simple command:
/// whitespace separates words, '...' is literal, "..." allows the escapes
/// \" \\ \$ \`, and a backslash outside quotes escapes the next character.
/// Pipes, redirections, command lists and command substitution are rejected
/// (a RUN line here is exactly one harness invocation).
bool tokenize(std::string_view Line, std::vector<std::string> &Words,
              std::string &Error);

/// One logical RUN line (continuation lines ending in '\' already joined).
struct RunLine {
  unsigned LineNumber = 0; ///< 1-based line of the first physical RUN line.
  std::string Text;        ///< Everything after "RUN:", joined.
};

/// Collects every `// RUN:` line of \p FileText, joining lines that end in a
/// backslash with the next RUN line, as lit does.
bool extractRunLines(std::string_view FileText, std::vector<RunLine> &Runs,
                     std::string &Error);

/// The parsed form of one RUN line. Paths and arguments are kept with their
/// %-substitutions unexpanded; see substitute().
struct RunSpec {
  std::vector<std::string> CheckSuffixes{""};
  bool ExpectClangTidyError = false;
  bool MatchPartialFixes = false;
  /// Expanded -std values; empty when the RUN line has no -std option (then
  /// nothing is added and the compiler args decide).
  std::vector<std::string> Stds;
  std::optional<std::string> ResourceDir;
  std::optional<std::string> AssumeFilename;
  std::string InputFile; ///< Always "%s".
  std::string CheckName;
  std::string TempFile; ///< Usually "%t".
  std::vector<std::string> TidyArgs;     ///< Between the first and second --.
  std::vector<std::string> CompilerArgs; ///< After the second --.
  /// True if TidyArgs contains -config=, --config=, -config-file=, ...
  bool hasConfigArg() const;
};

/// Parses the text of a RUN line (after "RUN:"). The first word must be
/// %check_highwater (or its upstream spelling %check_clang_tidy).
bool parseRunLine(std::string_view Text, RunSpec &Spec, std::string &Error);

/// check_clang_tidy.py's -std expansion: "c++17-or-later" -> c++17, c++20,
/// c++23, c++26; anything without "-or-later" stays as it is.
std::vector<std::string> expandStd(std::string_view Std);

/// Values for the lit-style substitutions %s (test file), %S (its directory),
/// %t (per-run scratch path), %T (per-run directory) and %%.
struct Substitutions {
  std::string S, SDir, T, TDir;
};
/// Unknown %-sequences are left alone, as lit does.
std::string substitute(std::string_view In, const Substitutions &Subst);

/// Replaces the text of every `// CHECK-...: ...` comment by `//`, keeping
/// line numbers (the same regular expression as check_clang_tidy.py).
std::string removeCheckComments(std::string_view Text);

/// True if \p Text has a FileCheck directive for exactly \p Prefix
/// (PREFIX:, PREFIX-NEXT:, PREFIX-NOT:, PREFIX-DAG:, ...). Unlike the plain
/// substring test of check_clang_tidy.py, CHECK-MESSAGES-AUDIT: does not count
/// as a CHECK-MESSAGES directive.
bool hasDirective(std::string_view Text, std::string_view Prefix);

/// The FileCheck prefixes one run uses, per kind; only prefixes that occur in
/// the file are listed.
struct Prefixes {
  std::vector<std::string> Fixes, Messages, Notes;
  /// No suffix of the run has any CHECK-FIXES/MESSAGES/NOTES directive: the
  /// run must produce no diagnostics at all.
  bool ExpectNoDiagnosis = false;
};
bool computePrefixes(std::string_view FileText,
                     const std::vector<std::string> &Suffixes, Prefixes &Out,
                     std::string &Error);

/// Maps a string to [A-Za-z0-9_] (GoogleTest's alphabet for test names);
/// "c++" becomes "cxx", everything else that is not allowed becomes '_'.
std::string sanitizeName(std::string_view Name);

/// Quotes \p Arg for a POSIX shell if it needs it (for printing commands).
std::string shellQuote(std::string_view Arg);
std::string shellJoin(const std::vector<std::string> &Args);

} // namespace highwater::harness

#endif // HIGHWATER_TEST_HARNESS_RUNLINE_H
