/** The seed marks clusters analysed this year in red; here the word says it, the colour only repeats it. */
export function AnalysedLabel() {
  return (
    <span className="inline-flex items-center gap-1 rounded-4 border border-error-2 px-1 text-std-16B-170 text-error-2 whitespace-nowrap">
      <span aria-hidden="true">◆</span>今年度分析対象
    </span>
  );
}
