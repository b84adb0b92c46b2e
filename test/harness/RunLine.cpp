//===- RunLine.cpp - RUN-line parsing for the check-test harness ----------===//

#include "RunLine.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <regex>
#include <set>

namespace highwater::harness {

namespace {

bool isSpace(char C) { return C == ' ' || C == '\t' || C == '\n' || C == '\r'; }

// strchr() that does not match the terminating NUL.
bool inSet(char C, const char *Set) { return C != '\0' && std::strchr(Set, C); }

bool startsWith(std::string_view S, std::string_view Prefix) {
  return S.substr(0, Prefix.size()) == Prefix;
}

// `$` that a shell would expand ($VAR, ${VAR}, $(cmd)).
bool isExpansion(std::string_view Line, size_t I) {
  if (Line[I] != '$' || I + 1 >= Line.size())
    return false;
  char N = Line[I + 1];
  return N == '(' || N == '{' || N == '_' ||
         std::isalpha(static_cast<unsigned char>(N));
}

std::vector<std::string> splitCommas(std::string_view S) {
  std::vector<std::string> Out;
  size_t Start = 0;
  while (true) {
    size_t Comma = S.find(',', Start);
    Out.emplace_back(S.substr(Start, Comma - Start));
    if (Comma == std::string_view::npos)
      break;
    Start = Comma + 1;
  }
  return Out;
}

} // namespace

bool tokenize(std::string_view Line, std::vector<std::string> &Words,
              std::string &Error) {
  Words.clear();
  std::string Cur;
  bool InWord = false;
  size_t I = 0;
  const size_t N = Line.size();
  while (I < N) {
    char C = Line[I];
    if (isSpace(C)) {
      if (InWord)
        Words.push_back(std::move(Cur));
      Cur.clear();
      InWord = false;
      ++I;
      continue;
    }
    InWord = true;
    if (C == '\'') {
      size_t End = Line.find('\'', I + 1);
      if (End == std::string_view::npos) {
        Error = "unterminated single quote";
        return false;
      }
      Cur.append(Line.substr(I + 1, End - I - 1));
      I = End + 1;
      continue;
    }
    if (C == '"') {
      ++I;
      while (true) {
        if (I >= N) {
          Error = "unterminated double quote";
          return false;
        }
        char D = Line[I];
        if (D == '"') {
          ++I;
          break;
        }
        if (D == '\\' && I + 1 < N && inSet(Line[I + 1], "\"\\$`")) {
          Cur.push_back(Line[I + 1]);
          I += 2;
          continue;
        }
        if (D == '`' || isExpansion(Line, I)) {
          Error = "shell expansion ('$', '`') is not supported in RUN lines";
          return false;
        }
        Cur.push_back(D);
        ++I;
      }
      continue;
    }
    if (C == '\\') {
      if (I + 1 >= N) {
        Error = "trailing backslash";
        return false;
      }
      Cur.push_back(Line[I + 1]);
      I += 2;
      continue;
    }
    if (inSet(C, "|;&<>`") || isExpansion(Line, I)) {
      Error = std::string("unsupported shell syntax '") + C +
              "' (quote it; a RUN line is a single %check_highwater "
              "invocation, no pipes, redirections or expansions)";
      return false;
    }
    Cur.push_back(C);
    ++I;
  }
  if (InWord)
    Words.push_back(std::move(Cur));
  return true;
}

bool extractRunLines(std::string_view FileText, std::vector<RunLine> &Runs,
                     std::string &Error) {
  static const std::regex RunRe(R"(^\s*//\s*RUN:(.*)$)");
  Runs.clear();
  std::optional<RunLine> Pending;
  unsigned LineNo = 0;
  size_t Pos = 0;
  while (Pos <= FileText.size()) {
    size_t End = FileText.find('\n', Pos);
    if (End == std::string_view::npos)
      End = FileText.size();
    std::string Line(FileText.substr(Pos, End - Pos));
    ++LineNo;
    Pos = End + 1;
    if (!Line.empty() && Line.back() == '\r')
      Line.pop_back();
    std::smatch M;
    if (!std::regex_match(Line, M, RunRe))
      continue;
    std::string Content = M[1].str();
    while (!Content.empty() && isSpace(Content.back()))
      Content.pop_back();
    bool Continues = !Content.empty() && Content.back() == '\\';
    if (Continues)
      Content.pop_back();
    if (!Pending)
      Pending = RunLine{LineNo, std::string()};
    Pending->Text += Content;
    if (!Continues) {
      Runs.push_back(std::move(*Pending));
      Pending.reset();
    }
  }
  if (Pending) {
    Error = "RUN line at line " + std::to_string(Pending->LineNumber) +
            " ends with '\\' but no RUN line follows";
    return false;
  }
  return true;
}

bool RunSpec::hasConfigArg() const {
  static const std::regex ConfigRe("^-?-config(-file)?=.*");
  return std::any_of(TidyArgs.begin(), TidyArgs.end(), [](const auto &A) {
    return std::regex_match(A, ConfigRe);
  });
}

bool parseRunLine(std::string_view Text, RunSpec &Spec, std::string &Error) {
  Spec = RunSpec();
  std::vector<std::string> Words;
  if (!tokenize(Text, Words, Error))
    return false;
  if (Words.empty() ||
      (Words[0] != "%check_highwater" && Words[0] != "%check_clang_tidy")) {
    Error = "a RUN line must start with %check_highwater";
    return false;
  }

  std::vector<std::string> Positional;
  size_t I = 1;
  for (; I < Words.size() && Words[I] != "--"; ++I) {
    const std::string &W = Words[I];
    if (W.size() < 2 || W[0] != '-') {
      Positional.push_back(W);
      continue;
    }
    // Accept -opt and --opt, -opt=value and -opt value (like argparse).
    std::string Name = W.substr(W[1] == '-' ? 2 : 1);
    std::optional<std::string> Value;
    if (size_t Eq = Name.find('='); Eq != std::string::npos) {
      Value = Name.substr(Eq + 1);
      Name.resize(Eq);
    }
    auto TakeValue = [&]() -> bool {
      if (Value)
        return true;
      if (I + 1 < Words.size() && Words[I + 1] != "--") {
        Value = Words[++I];
        return true;
      }
      Error = "harness option -" + Name + " needs a value";
      return false;
    };
    auto NoValue = [&]() -> bool {
      if (!Value)
        return true;
      Error = "harness option -" + Name + " takes no value";
      return false;
    };
    if (Name == "check-suffix" || Name == "check-suffixes") {
      if (!TakeValue())
        return false;
      Spec.CheckSuffixes = splitCommas(*Value);
    } else if (Name == "expect-clang-tidy-error") {
      if (!NoValue())
        return false;
      Spec.ExpectClangTidyError = true;
    } else if (Name == "match-partial-fixes") {
      if (!NoValue())
        return false;
      Spec.MatchPartialFixes = true;
    } else if (Name == "std") {
      if (!TakeValue())
        return false;
      Spec.Stds.clear();
      for (const std::string &S : splitCommas(*Value)) {
        if (S.empty()) {
          Error = "empty value in -std=" + *Value;
          return false;
        }
        for (std::string &E : expandStd(S))
          Spec.Stds.push_back(std::move(E));
      }
    } else if (Name == "resource-dir") {
      if (!TakeValue())
        return false;
      Spec.ResourceDir = *Value;
    } else if (Name == "assume-filename") {
      if (!TakeValue())
        return false;
      Spec.AssumeFilename = *Value;
    } else {
      Error = "unknown harness option '" + W +
              "' (clang-tidy arguments go after the first '--', compiler "
              "arguments after the second)";
      return false;
    }
  }

  if (Positional.size() != 3) {
    Error = "expected exactly three arguments before the first '--': %s "
            "<check-name> %t; got " +
            std::to_string(Positional.size()) +
            (Positional.empty() ? std::string()
                                : " (" + shellJoin(Positional) + ")");
    return false;
  }
  Spec.InputFile = Positional[0];
  Spec.CheckName = Positional[1];
  Spec.TempFile = Positional[2];
  if (Spec.InputFile != "%s") {
    Error = "the input file must be %s, not '" + Spec.InputFile + "'";
    return false;
  }
  if (Spec.CheckName.empty() || Spec.CheckName[0] == '%') {
    Error = "expected a check name as second argument, got '" +
            Spec.CheckName + "'";
    return false;
  }

  // Words[I] is the first "--" (or the end); split the rest at the second.
  if (I < Words.size()) {
    auto First = Words.begin() + I + 1;
    auto Second = std::find(First, Words.end(), "--");
    Spec.TidyArgs.assign(First, Second);
    if (Second != Words.end())
      Spec.CompilerArgs.assign(Second + 1, Words.end());
  }
  return true;
}

std::vector<std::string> expandStd(std::string_view Std) {
  static const std::vector<std::vector<std::string>> Cpp = {
      {"c++98"},          {"c++11"},          {"c++14", "c++1y"},
      {"c++17", "c++1z"}, {"c++20", "c++2a"}, {"c++23", "c++2b"},
      {"c++26", "c++2c"}};
  static const std::vector<std::vector<std::string>> C = {
      {"c99"}, {"c11", "c1x"}, {"c17"}, {"c23", "c2x"}, {"c2y"}};
  constexpr std::string_view OrLater = "-or-later";
  size_t At = Std.find(OrLater);
  if (At == std::string_view::npos)
    return {std::string(Std)};
  std::string Base(Std.substr(0, At));
  for (const auto *List : {&Cpp, &C}) {
    for (size_t K = 0; K < List->size(); ++K) {
      const auto &Names = (*List)[K];
      if (std::find(Names.begin(), Names.end(), Base) == Names.end())
        continue;
      std::vector<std::string> Out{Base};
      for (size_t L = K + 1; L < List->size(); ++L)
        Out.push_back((*List)[L][0]);
      return Out;
    }
  }
  return {std::string(Std)};
}

std::string substitute(std::string_view In, const Substitutions &Subst) {
  std::string Out;
  for (size_t I = 0; I < In.size(); ++I) {
    if (In[I] != '%' || I + 1 == In.size()) {
      Out.push_back(In[I]);
      continue;
    }
    switch (In[I + 1]) {
    case 's':
      Out += Subst.S;
      break;
    case 'S':
      Out += Subst.SDir;
      break;
    case 't':
      Out += Subst.T;
      break;
    case 'T':
      Out += Subst.TDir;
      break;
    case '%':
      Out += '%';
      break;
    default: // Unknown substitutions stay as they are, as in lit.
      Out.push_back('%');
      continue;
    }
    ++I;
  }
  return Out;
}

std::string removeCheckComments(std::string_view Text) {
  static const std::regex CheckRe(R"(// *CHECK-[A-Z0-9\-]*:[^\r\n]*)");
  return std::regex_replace(std::string(Text), CheckRe, "//");
}

namespace {
const std::set<std::string> &directiveNames() {
  static const std::set<std::string> Names = {"NEXT",  "SAME",  "NOT",
                                               "DAG",   "LABEL", "EMPTY",
                                               "COUNT", "LITERAL"};
  return Names;
}
} // namespace

bool hasDirective(std::string_view Text, std::string_view Prefix) {
  std::string Escaped;
  for (char C : Prefix) {
    if (!std::isalnum(static_cast<unsigned char>(C)) && C != '_')
      Escaped.push_back('\\');
    Escaped.push_back(C);
  }
  std::regex Re("(^|[^A-Za-z0-9_-])" + Escaped +
                R"((-(NEXT|SAME|NOT|DAG|LABEL|EMPTY|COUNT-[0-9]+))?(\{LITERAL\})?:)");
  return std::regex_search(Text.begin(), Text.end(), Re);
}

bool computePrefixes(std::string_view FileText,
                     const std::vector<std::string> &Suffixes, Prefixes &Out,
                     std::string &Error) {
  static const std::regex SuffixRe("^[A-Z0-9\\-]+$");
  Out = Prefixes();
  std::set<std::string> Seen;
  std::vector<std::string> Missing;
  bool AnyDiagnosis = false;
  for (const std::string &Suffix : Suffixes) {
    if (!Suffix.empty() && !std::regex_match(Suffix, SuffixRe)) {
      Error = "Only A..Z, 0..9 and \"-\" are allowed in check suffixes list, "
              "but \"" + Suffix + "\" was given";
      return false;
    }
    if (directiveNames().count(Suffix) ||
        startsWith(Suffix, "COUNT-")) {
      Error = "check suffix \"" + Suffix +
              "\" is a FileCheck directive name and would be ambiguous";
      return false;
    }
    if (!Seen.insert(Suffix).second) {
      Error = "check suffix \"" + Suffix + "\" is given twice";
      return false;
    }
    std::string S = Suffix.empty() ? "" : "-" + Suffix;
    bool HasFix = hasDirective(FileText, "CHECK-FIXES" + S);
    bool HasMsg = hasDirective(FileText, "CHECK-MESSAGES" + S);
    bool HasNote = hasDirective(FileText, "CHECK-NOTES" + S);
    if (HasMsg && HasNote) {
      Error = "Please use either CHECK-NOTES" + S + " or CHECK-MESSAGES" + S +
              " but not both";
      return false;
    }
    if (HasFix)
      Out.Fixes.push_back("CHECK-FIXES" + S);
    if (HasMsg)
      Out.Messages.push_back("CHECK-MESSAGES" + S);
    if (HasNote)
      Out.Notes.push_back("CHECK-NOTES" + S);
    if (HasFix || HasMsg || HasNote)
      AnyDiagnosis = true;
    else
      Missing.push_back(S);
  }
  if (AnyDiagnosis && !Missing.empty()) {
    const std::string &S = Missing.front();
    Error = "CHECK-FIXES" + S + ", CHECK-MESSAGES" + S + " or CHECK-NOTES" +
            S + " not found in the input";
    return false;
  }
  Out.ExpectNoDiagnosis = !AnyDiagnosis;
  return true;
}

std::string sanitizeName(std::string_view Name) {
  std::string Out;
  for (size_t I = 0; I < Name.size(); ++I) {
    if (Name.substr(I, 2) == "++") {
      Out += "xx";
      ++I;
      continue;
    }
    char C = Name[I];
    Out.push_back(std::isalnum(static_cast<unsigned char>(C)) ? C : '_');
  }
  if (Out.empty())
    Out = "_";
  return Out;
}

std::string shellQuote(std::string_view Arg) {
  bool Safe = !Arg.empty() && std::all_of(Arg.begin(), Arg.end(), [](char C) {
    return std::isalnum(static_cast<unsigned char>(C)) ||
           inSet(C, "_@%+=:,./-");
  });
  if (Safe)
    return std::string(Arg);
  std::string Out = "'";
  for (char C : Arg) {
    if (C == '\'')
      Out += "'\\''";
    else
      Out.push_back(C);
  }
  Out += "'";
  return Out;
}

std::string shellJoin(const std::vector<std::string> &Args) {
  std::string Out;
  for (const std::string &A : Args) {
    if (!Out.empty())
      Out.push_back(' ');
    Out += shellQuote(A);
  }
  return Out;
}

} // namespace highwater::harness
