//===--- Report.cpp - text, JSON, SARIF and HTML reports, the summary -----===//

#include "Report.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <map>

namespace highwater::audit {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace {

struct CheckDoc {
  const char *Check;
  const char *Markdown;
};

// The check pages of docs/checks, embedded at build time.
const CheckDoc CheckDocs[] = {
#include "CheckDocs.inc"
};

const char *docOf(llvm::StringRef Check) {
  for (const CheckDoc &D : CheckDocs)
    if (Check == D.Check)
      return D.Markdown;
  return nullptr;
}

/// The first paragraph after the title of a check page, on one line.
std::string firstParagraph(llvm::StringRef Markdown) {
  std::string Out;
  llvm::SmallVector<llvm::StringRef> Lines;
  Markdown.split(Lines, '\n');
  bool Started = false;
  for (llvm::StringRef Line : Lines) {
    Line = Line.trim();
    if (Line.starts_with("#"))
      continue;
    if (Line.empty()) {
      if (Started)
        break;
      continue;
    }
    Started = true;
    if (!Out.empty())
      Out += ' ';
    Out += Line.str();
  }
  return Out;
}

std::string firstSentence(llvm::StringRef Paragraph) {
  size_t End = Paragraph.find(". ");
  if (End == llvm::StringRef::npos)
    return Paragraph.str();
  return Paragraph.take_front(End + 1).str();
}

std::string sentence(llvm::StringRef Text) {
  std::string S = Text.str();
  if (!S.empty() && S.back() != '.')
    S += '.';
  return S;
}

std::string clangTidyDocUri(llvm::StringRef Check) {
  auto [Module, Name] = Check.split('-');
  return "https://clang.llvm.org/extra/clang-tidy/checks/" + Module.str() +
         "/" + Name.str() + ".html";
}

std::vector<std::string> checksIn(const Report &R) {
  std::vector<std::string> Checks;
  for (const CheckDoc &D : CheckDocs)
    Checks.push_back(D.Check);
  for (const Finding &F : R.Findings)
    if (std::find(Checks.begin(), Checks.end(), F.Check) == Checks.end())
      Checks.push_back(F.Check);
  return Checks;
}

Value statsToJSON(const Report &R) {
  return Object{{"tus_selected", R.TUsSelected},
                {"tus_analysed", R.TUsAnalysed},
                {"tus_from_cache", R.TUsFromCache},
                {"tus_unaffected", R.TUsUnaffected},
                {"tus_not_run", R.TUsNotRun},
                {"tus_failed", static_cast<int64_t>(R.Failures.size())},
                {"findings", static_cast<int64_t>(R.Findings.size())},
                {"findings_in_baseline", R.FindingsInBaseline},
                {"seconds", R.Seconds}};
}

std::string fileUri(llvm::StringRef Directory) {
  std::string Uri = "file://";
  for (char C : Directory) {
    if (C == ' ')
      Uri += "%20";
    else
      Uri += C;
  }
  if (Uri.back() != '/')
    Uri += '/';
  return Uri;
}

std::string relativeUri(llvm::StringRef Path) {
  std::string Uri;
  for (char C : Path) {
    if (C == ' ')
      Uri += "%20";
    else if (C == '%')
      Uri += "%25";
    else
      Uri += C;
  }
  return Uri;
}

/// Relative to %SRCROOT% when under the root, else an absolute file URI.
Value artifactLocation(llvm::StringRef File, llvm::StringRef Root) {
  std::string Relative = relativePath(File, Root);
  if (llvm::sys::path::is_absolute(Relative))
    return Object{{"uri", "file://" + relativeUri(Relative)}};
  return Object{{"uri", relativeUri(Relative)}, {"uriBaseId", "%SRCROOT%"}};
}

} // namespace

llvm::StringRef toolVersion() { return HIGHWATER_VERSION; }

Value reportToJSON(const Report &R) {
  Array Findings, Failures;
  for (const Finding &F : R.Findings)
    Findings.push_back(toJSON(F));
  for (const Failure &F : R.Failures)
    Failures.push_back(Object{{"file", F.File}, {"reason", F.Reason}});
  return Object{{"tool", "highwater"},
                {"version", toolVersion()},
                {"root", R.Root},
                {"partial", R.Partial},
                {"stats", statsToJSON(R)},
                {"findings", std::move(Findings)},
                {"failures", std::move(Failures)}};
}

Value reportToSARIF(const Report &R) {
  std::vector<std::string> Checks = checksIn(R);
  Array Rules;
  for (const std::string &Check : Checks) {
    Object Rule{{"id", Check}};
    if (const char *Doc = docOf(Check)) {
      std::string Paragraph = firstParagraph(Doc);
      Rule["shortDescription"] = Object{{"text", sentence(firstSentence(Paragraph))}};
      Rule["fullDescription"] = Object{{"text", sentence(Paragraph)}};
      Rule["help"] = Object{{"text", Doc}, {"markdown", Doc}};
    } else {
      std::string Text = "The clang-tidy check " + Check + ".";
      Rule["shortDescription"] = Object{{"text", Text}};
      Rule["fullDescription"] = Object{{"text", Text}};
      Rule["help"] = Object{{"text", "See " + clangTidyDocUri(Check) + "."}};
      Rule["helpUri"] = clangTidyDocUri(Check);
    }
    Rule["defaultConfiguration"] = Object{{"level", "warning"}};
    Rules.push_back(std::move(Rule));
  }

  Array Results;
  for (const Finding &F : R.Findings) {
    size_t RuleIndex =
        std::find(Checks.begin(), Checks.end(), F.Check) - Checks.begin();
    Object Region{{"startLine", F.Line}, {"startColumn", F.Column}};
    if (!F.LineText.empty())
      Region["snippet"] = Object{{"text", F.LineText}};
    Object Result{
        {"ruleId", F.Check},
        {"ruleIndex", static_cast<int64_t>(RuleIndex)},
        {"level", F.Level == "error" ? "error" : "warning"},
        {"message", Object{{"text", sentence(F.Message)}}},
        {"locations",
         Array{Object{{"physicalLocation",
                       Object{{"artifactLocation", artifactLocation(F.File, R.Root)},
                              {"region", std::move(Region)}}}}}},
        {"partialFingerprints", Object{{"highwaterFinding/v1", F.Fingerprint}}},
        {"properties", Object{{"highwater", toJSON(F)}}}};
    if (!F.Fix.empty()) {
      std::map<std::string, Array> ReplacementsByFile;
      for (const Edit &E : F.Fix)
        ReplacementsByFile[E.File].push_back(Object{
            {"deletedRegion",
             Object{{"charOffset", E.Offset}, {"charLength", E.Length}}},
            {"insertedContent", Object{{"text", E.Text}}}});
      Array Changes;
      for (auto &[File, Replacements] : ReplacementsByFile)
        Changes.push_back(Object{
            {"artifactLocation", artifactLocation(File, R.Root)},
            {"replacements", std::move(Replacements)}});
      Result["fixes"] = Array{Object{
          {"description", Object{{"text", "Release the storage at once."}}},
          {"artifactChanges", std::move(Changes)}}};
    }
    Results.push_back(std::move(Result));
  }

  Array Notifications;
  for (const Failure &F : R.Failures)
    Notifications.push_back(Object{
        {"level", "error"},
        {"message", Object{{"text", sentence("Could not analyse " +
                                             relativePath(F.File, R.Root) +
                                             ": " + F.Reason)}}}});
  Object Invocation{{"executionSuccessful", R.Failures.empty() && !R.Partial},
                    {"properties", Object{{"highwater", statsToJSON(R)},
                                          {"partial", R.Partial},
                                          {"root", R.Root}}}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);

  Object Driver{{"name", "highwater"},
                {"version", toolVersion()},
                {"semanticVersion", toolVersion()},
                {"informationUri", HIGHWATER_HOMEPAGE},
                {"rules", std::move(Rules)}};
  Object Run{{"tool", Object{{"driver", std::move(Driver)}}},
             {"originalUriBaseIds",
              Object{{"%SRCROOT%", Object{{"uri", fileUri(R.Root)}}}}},
             {"invocations", Array{std::move(Invocation)}},
             {"columnKind", "utf16CodeUnits"},
             {"results", std::move(Results)}};
  return Object{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", Array{std::move(Run)}}};
}

static void readReportStats(const Object &Stats, Report &Out) {
  auto Get = [&](llvm::StringRef Key) {
    return static_cast<unsigned>(Stats.getInteger(Key).value_or(0));
  };
  Out.TUsSelected = Get("tus_selected");
  Out.TUsAnalysed = Get("tus_analysed");
  Out.TUsFromCache = Get("tus_from_cache");
  Out.TUsUnaffected = Get("tus_unaffected");
  Out.TUsNotRun = Get("tus_not_run");
  Out.FindingsInBaseline = Get("findings_in_baseline");
  Out.Seconds = Stats.getNumber("seconds").value_or(0);
}

std::string reportFromFile(llvm::StringRef Path, Report &Out) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return "cannot read '" + Path.str() + "': " + Buffer.getError().message();
  auto Parsed = llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return "'" + Path.str() + "' is not JSON: " + llvm::toString(Parsed.takeError());
  const Object *O = Parsed->getAsObject();
  if (!O)
    return "'" + Path.str() + "' is not a highwater report";
  if (O->getString("tool") == llvm::StringRef("highwater")) {
    Out.Root = O->getString("root").value_or("").str();
    Out.Partial = O->getBoolean("partial").value_or(false);
    if (const Object *Stats = O->getObject("stats"))
      readReportStats(*Stats, Out);
    if (const Array *Findings = O->getArray("findings"))
      for (const Value &V : *Findings) {
        auto F = findingFromJSON(V);
        if (!F)
          return "'" + Path.str() + "' has a malformed finding";
        Out.Findings.push_back(std::move(*F));
      }
    if (const Array *Failures = O->getArray("failures"))
      for (const Value &V : *Failures)
        if (const Object *F = V.getAsObject())
          Out.Failures.push_back({F->getString("file").value_or("").str(),
                                  F->getString("reason").value_or("").str()});
    return "";
  }
  const Array *Runs = O->getArray("runs");
  if (!Runs || Runs->empty() || !(*Runs)[0].getAsObject())
    return "'" + Path.str() + "' is neither a highwater JSON report nor SARIF";
  const Object &Run = *(*Runs)[0].getAsObject();
  const Object *Driver = nullptr;
  if (const Object *Tool = Run.getObject("tool"))
    Driver = Tool->getObject("driver");
  if (!Driver || Driver->getString("name") != llvm::StringRef("highwater"))
    return "'" + Path.str() + "' is SARIF from another tool";
  if (const Array *Invocations = Run.getArray("invocations"))
    if (!Invocations->empty())
      if (const Object *Props =
              (*Invocations)[0].getAsObject()->getObject("properties")) {
        Out.Root = Props->getString("root").value_or("").str();
        Out.Partial = Props->getBoolean("partial").value_or(false);
        if (const Object *Stats = Props->getObject("highwater"))
          readReportStats(*Stats, Out);
      }
  if (const Array *Results = Run.getArray("results"))
    for (const Value &V : *Results) {
      const Object *Result = V.getAsObject();
      const Object *Props = Result ? Result->getObject("properties") : nullptr;
      std::optional<Finding> F;
      if (Props)
        if (const Value *Saved = Props->get("highwater"))
          F = findingFromJSON(*Saved);
      if (!F)
        return "'" + Path.str() + "' has a result highwater did not write";
      Out.Findings.push_back(std::move(*F));
    }
  if (const Array *Invocations = Run.getArray("invocations"))
    for (const Value &I : *Invocations)
      if (const Array *Notes =
              I.getAsObject()->getArray("toolExecutionNotifications"))
        for (const Value &N : *Notes) {
          // "Could not analyse FILE: REASON."
          llvm::StringRef Text =
              N.getAsObject()->getObject("message")->getString("text").value_or("");
          Text.consume_front("Could not analyse ");
          auto [File, Reason] = Text.split(": ");
          std::string Absolute = File.str();
          if (!llvm::sys::path::is_absolute(Absolute) && !Out.Root.empty())
            Absolute = Out.Root + "/" + Absolute;
          Out.Failures.push_back({Absolute, Reason.drop_back().str()});
        }
  return "";
}

void writeText(const Report &R, llvm::raw_ostream &OS) {
  bool Colors = OS.has_colors();
  for (const Finding &F : R.Findings) {
    if (Colors)
      OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
    OS << relativePath(F.File, R.Root) << ":" << F.Line << ":" << F.Column
       << ": ";
    if (Colors)
      OS.changeColor(F.Level == "error" ? llvm::raw_ostream::RED
                                        : llvm::raw_ostream::MAGENTA,
                     /*Bold=*/true);
    OS << F.Level << ": ";
    if (Colors)
      OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
    OS << F.Message << " [" << F.Check << "]\n";
    if (Colors)
      OS.resetColor();
    if (!F.LineText.empty()) {
      OS << llvm::format("%5u", F.Line) << " | " << F.LineText << "\n";
      OS << "      | ";
      for (unsigned I = 1; I < F.Column && I <= F.LineText.size(); ++I)
        OS << (F.LineText[I - 1] == '\t' ? '\t' : ' ');
      if (Colors)
        OS.changeColor(llvm::raw_ostream::GREEN, /*Bold=*/true);
      OS << "^\n";
      if (Colors)
        OS.resetColor();
    }
    for (const Edit &E : F.Fix)
      if (!E.Text.empty())
        OS << "      | fix: " << llvm::StringRef(E.Text).trim() << "\n";
    for (const Note &N : F.Notes)
      OS << relativePath(N.File, R.Root) << ":" << N.Line << ":" << N.Column
         << ": note: " << N.Message << "\n";
  }
}

void writeSummary(const Report &R, llvm::raw_ostream &OS) {
  OS << "highwater: " << R.Findings.size() << " finding"
     << (R.Findings.size() == 1 ? "" : "s") << " in " << R.TUsSelected
     << " translation unit" << (R.TUsSelected == 1 ? "" : "s") << " ("
     << R.TUsAnalysed << " analysed, " << R.TUsFromCache << " from cache";
  if (R.TUsUnaffected)
    OS << ", " << R.TUsUnaffected << " unaffected by the change";
  OS << ") in " << llvm::format("%.1f", R.Seconds) << " s";
  if (R.FindingsInBaseline)
    OS << "; " << R.FindingsInBaseline << " more in the baseline";
  OS << "\n";
  if (R.Partial)
    OS << "highwater: interrupted: the report is partial, " << R.TUsNotRun
       << " translation units were not analysed\n";

  auto Top = [&](llvm::StringRef Title, const std::map<std::string, unsigned> &Counts,
                 size_t Limit) {
    if (Counts.empty())
      return;
    std::vector<std::pair<std::string, unsigned>> Sorted(Counts.begin(),
                                                         Counts.end());
    std::stable_sort(Sorted.begin(), Sorted.end(),
                     [](const auto &A, const auto &B) { return A.second > B.second; });
    OS << "  " << Title << ":\n";
    for (size_t I = 0; I < Sorted.size() && I < Limit; ++I)
      OS << llvm::format("    %5u  ", Sorted[I].second) << Sorted[I].first << "\n";
  };
  std::map<std::string, unsigned> ByCheck, ByFile, ByContainer;
  for (const Finding &F : R.Findings) {
    ++ByCheck[F.Check];
    ++ByFile[relativePath(F.File, R.Root)];
    if (!F.Container.empty())
      ++ByContainer["'" + F.Container + "' in " + relativePath(F.File, R.Root)];
  }
  Top("findings per check", ByCheck, ByCheck.size());
  Top("files with the most findings", ByFile, 5);
  Top("containers with the most findings", ByContainer, 5);

  std::vector<const Finding *> Sized;
  for (const Finding &F : R.Findings)
    if (retainedSlotBytesIn(F.Message))
      Sized.push_back(&F);
  std::stable_sort(Sized.begin(), Sized.end(), [](const Finding *A, const Finding *B) {
    return *retainedSlotBytesIn(A->Message) > *retainedSlotBytesIn(B->Message);
  });
  if (!Sized.empty()) {
    OS << "  largest retained slots:\n";
    for (size_t I = 0; I < Sized.size() && I < 5; ++I)
      OS << llvm::format("    %5llu  ", static_cast<unsigned long long>(
                                            *retainedSlotBytesIn(Sized[I]->Message)))
         << "bytes per slot of '" << Sized[I]->Container << "' at "
         << relativePath(Sized[I]->File, R.Root) << ":" << Sized[I]->Line << "\n";
  }
  if (!R.Failures.empty()) {
    OS << "  translation units that could not be analysed:\n";
    for (const Failure &F : R.Failures)
      OS << "    " << relativePath(F.File, R.Root) << ": " << F.Reason << "\n";
  }
}

static void appendEscapedForScript(std::string &Out, llvm::StringRef JSON) {
  // Inside <script>, "</" would end the element: escape every '<'.
  for (char C : JSON) {
    if (C == '<')
      Out += "\\u003c";
    else
      Out += C;
  }
}

/// A few lines around each finding, for the HTML report.
static Value excerptOf(const Finding &F) {
  Array Lines;
  auto Buffer = llvm::MemoryBuffer::getFile(F.File);
  if (!Buffer || F.Line == 0)
    return Array{Object{{"n", F.Line}, {"text", F.LineText}}};
  llvm::SmallVector<llvm::StringRef> All;
  (*Buffer)->getBuffer().split(All, '\n');
  unsigned First = F.Line > 3 ? F.Line - 3 : 1;
  unsigned Last = std::min<unsigned>(F.Line + 3, All.size());
  for (unsigned N = First; N <= Last; ++N)
    Lines.push_back(Object{{"n", N}, {"text", All[N - 1].rtrim("\r").str()}});
  return Lines;
}

std::string reportToHTML(const Report &R) {
  Array Findings;
  for (const Finding &F : R.Findings) {
    std::string Fix;
    for (const Edit &E : F.Fix)
      if (!E.Text.empty())
        Fix += (Fix.empty() ? "" : "\n") + E.Text;
    std::string Directory =
        llvm::sys::path::parent_path(relativePath(F.File, R.Root)).str();
    Findings.push_back(Object{
        {"check", F.Check},
        {"file", relativePath(F.File, R.Root)},
        {"dir", Directory.empty() ? "." : Directory},
        {"line", F.Line},
        {"column", F.Column},
        {"container", F.Container},
        {"bytes", retainedSlotBytesIn(F.Message)
                      ? Value(static_cast<int64_t>(*retainedSlotBytesIn(F.Message)))
                      : Value(nullptr)},
        {"message", F.Message},
        {"fix", Fix},
        {"excerpt", excerptOf(F)}});
  }
  Array Failures;
  for (const Failure &F : R.Failures)
    Failures.push_back(Object{{"file", relativePath(F.File, R.Root)},
                              {"reason", F.Reason}});
  Value Data = Object{{"findings", std::move(Findings)},
                      {"failures", std::move(Failures)},
                      {"stats", statsToJSON(R)},
                      {"partial", R.Partial},
                      {"root", R.Root},
                      {"version", toolVersion()}};
  std::string DataText;
  llvm::raw_string_ostream(DataText) << Data;

  std::string Html = R"html(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>highwater audit</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5em;color:#1d2433;background:#fafbfc}
h1{font-size:1.4em;margin:0 0 .3em} h2{font-size:1.1em;margin:1.2em 0 .4em}
.stats{color:#4a5568;margin-bottom:1em} .partial{color:#b7410e;font-weight:bold}
.charts{display:flex;flex-wrap:wrap;gap:2em} .chart{background:#fff;border:1px solid #e2e8f0;border-radius:6px;padding:.8em}
.chart svg text{font-size:12px;fill:#1d2433}
.controls{margin:1em 0;display:flex;gap:1em;align-items:center}
input,select{padding:.3em;font-size:1em}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid #e2e8f0;padding:.35em .5em;text-align:left;vertical-align:top;font-size:.92em}
th{cursor:pointer;background:#edf2f7;user-select:none} th.sorted-asc::after{content:" \25B2"} th.sorted-desc::after{content:" \25BC"}
tr.finding:hover{background:#f7fafc;cursor:pointer}
tr.detail td{background:#f7fafc}
pre{margin:.3em 0;padding:.5em;background:#1d2433;color:#e2e8f0;border-radius:4px;overflow-x:auto;font-size:.88em}
pre .hit{background:#744210;display:inline-block;width:100%}
.fix{background:#22543d;color:#f0fff4}
.failures li{color:#b7410e}
</style></head>
<body>
<h1>highwater audit</h1>
<div class="stats" id="stats"></div>
<div class="charts">
<div class="chart"><h2>Findings by check</h2><svg id="chart-check" width="480" height="10"></svg></div>
<div class="chart"><h2>Findings by directory</h2><svg id="chart-dir" width="480" height="10"></svg></div>
</div>
<h2>Findings</h2>
<div class="controls">
<input id="filter" type="search" placeholder="Filter by file, container, message" size="40">
<select id="check-filter"><option value="">All checks</option></select>
<span id="shown"></span>
<button id="expand" type="button">Show all code</button>
</div>
<p class="stats">Click a row for its code and the suggested fix; click a column title to sort.</p>
<table id="findings"><thead><tr>
<th data-key="check">Check</th><th data-key="file">File</th><th data-key="line">Line</th>
<th data-key="container">Container</th><th data-key="bytes">Bytes per slot</th><th data-key="message">Message</th>
</tr></thead><tbody></tbody></table>
<div id="failures"></div>
<script id="data" type="application/json">)html";
  appendEscapedForScript(Html, DataText);
  Html += R"html(</script>
<script>
"use strict";
const data = JSON.parse(document.getElementById("data").textContent);
const findings = data.findings;
function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
  if (text !== undefined) e.textContent = text;
  return e;
}
const s = data.stats;
document.getElementById("stats").textContent =
  findings.length + " findings in " + s.tus_selected + " translation units (" +
  s.tus_analysed + " analysed, " + s.tus_from_cache + " from cache, " +
  s.tus_failed + " failed) in " + s.seconds.toFixed(1) + " s; highwater " + data.version;
if (data.partial) {
  document.getElementById("stats").appendChild(el("div", {class: "partial"},
    "Interrupted: this report is partial."));
}
function countBy(key) {
  const m = new Map();
  for (const f of findings) m.set(f[key], (m.get(f[key]) || 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1]);
}
const NS = "http://www.w3.org/2000/svg";
function barChart(id, entries) {
  const svg = document.getElementById(id);
  const rowHeight = 22, labelWidth = 250, width = 480;
  const max = Math.max(1, ...entries.map(e => e[1]));
  svg.setAttribute("height", Math.max(rowHeight, entries.length * rowHeight));
  entries.forEach(([label, count], i) => {
    const bar = document.createElementNS(NS, "rect");
    const barWidth = (width - labelWidth - 40) * count / max;
    bar.setAttribute("x", labelWidth); bar.setAttribute("y", i * rowHeight + 3);
    bar.setAttribute("width", barWidth); bar.setAttribute("height", rowHeight - 6);
    bar.setAttribute("fill", "#3182ce");
    const name = document.createElementNS(NS, "text");
    name.setAttribute("x", labelWidth - 6); name.setAttribute("y", i * rowHeight + 15);
    name.setAttribute("text-anchor", "end");
    name.textContent = label.length > 36 ? "\u2026" + label.slice(-35) : label;
    const value = document.createElementNS(NS, "text");
    value.setAttribute("x", labelWidth + barWidth + 4); value.setAttribute("y", i * rowHeight + 15);
    value.textContent = count;
    svg.append(bar, name, value);
  });
  if (!entries.length) {
    const none = document.createElementNS(NS, "text");
    none.setAttribute("x", 0); none.setAttribute("y", 15); none.textContent = "no findings";
    svg.append(none);
  }
}
barChart("chart-check", countBy("check"));
barChart("chart-dir", countBy("dir"));
const checkFilter = document.getElementById("check-filter");
for (const [check] of countBy("check")) checkFilter.appendChild(el("option", {value: check}, check));
let sortKey = "file", sortAscending = true;
// "#expanded" opens every finding's code, for printing or a screenshot.
let expanded = location.hash === "#expanded";
document.getElementById("expand").addEventListener("click", () => {
  expanded = !expanded;
  document.getElementById("expand").textContent = expanded ? "Hide all code" : "Show all code";
  render();
});
const tbody = document.querySelector("#findings tbody");
function render() {
  const text = document.getElementById("filter").value.toLowerCase();
  const check = checkFilter.value;
  const rows = findings.filter(f => (!check || f.check === check) &&
    (!text || (f.file + " " + f.container + " " + f.message).toLowerCase().includes(text)));
  rows.sort((a, b) => {
    const x = a[sortKey], y = b[sortKey];
    const c = (x === null) - (y === null) || (x < y ? -1 : x > y ? 1 : 0) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line);
    return sortAscending ? c : -c;
  });
  tbody.replaceChildren();
  for (const f of rows) {
    const tr = el("tr", {class: "finding"});
    for (const key of ["check", "file", "line", "container", "bytes", "message"])
      tr.appendChild(el("td", {}, f[key] === null ? "" : String(f[key])));
    const detail = el("tr", expanded ? {class: "detail"} : {class: "detail", hidden: ""});
    const td = el("td", {colspan: "6"});
    const pre = el("pre");
    for (const line of f.excerpt) {
      const span = el("span", line.n === f.line ? {class: "hit"} : {},
        String(line.n).padStart(5) + " | " + line.text);
      pre.append(span, "\n");
    }
    td.appendChild(pre);
    if (f.fix) td.appendChild(el("pre", {class: "fix"}, "suggested fix: " + f.fix));
    detail.appendChild(td);
    tr.addEventListener("click", () => detail.toggleAttribute("hidden"));
    tbody.append(tr, detail);
  }
  document.getElementById("shown").textContent = rows.length + " of " + findings.length + " shown";
  document.querySelectorAll("th").forEach(th => {
    th.classList.toggle("sorted-asc", th.dataset.key === sortKey && sortAscending);
    th.classList.toggle("sorted-desc", th.dataset.key === sortKey && !sortAscending);
  });
}
document.querySelectorAll("th").forEach(th => th.addEventListener("click", () => {
  if (sortKey === th.dataset.key) sortAscending = !sortAscending;
  else { sortKey = th.dataset.key; sortAscending = true; }
  render();
}));
document.getElementById("filter").addEventListener("input", render);
checkFilter.addEventListener("change", render);
render();
if (data.failures.length) {
  const box = document.getElementById("failures");
  box.appendChild(el("h2", {}, "Translation units that could not be analysed"));
  const list = el("ul", {class: "failures"});
  for (const f of data.failures) list.appendChild(el("li", {}, f.file + ": " + f.reason));
  box.appendChild(list);
}
</script>
</body></html>
)html";
  return Html;
}

} // namespace highwater::audit
