import './bar-chart.css';
export interface BarDatum {
  key: string;
  label: string;
  /** The filled part, e.g. agencies that published. */
  value: number;
  /** The whole bar, e.g. all agencies; bars are drawn as value / total. */
  total: number;
  /** What is written at the end of the bar, e.g. "4 จาก 7". */
  valueText: string;
}

/**
 * A horizontal bar chart drawn with plain HTML (no chart library, so no extra download). It only
 * repeats what a real <table> next to it says: it is hidden from assistive technology, and the
 * table carries the data (say so in `note`).
 */
export function BarChart({ data, title, note }: { data: BarDatum[]; title: string; note?: string }) {
  return (
    <figure className="bar-chart">
      <figcaption>
        <span className="bar-chart__title">{title}</span>
        {note && <span className="bar-chart__note">{note}</span>}
      </figcaption>
      <div className="bar-chart__rows" aria-hidden="true">
        {data.map((bar) => {
          const percent = bar.total > 0 ? Math.max(0, Math.min(100, (bar.value / bar.total) * 100)) : 0;
          return (
            <div key={bar.key} className="bar-chart__row">
              <span className="bar-chart__label">{bar.label}</span>
              <span className="bar-chart__track">
                <span className="bar-chart__fill" style={{ width: `${percent}%` }} />
              </span>
              <span className="bar-chart__value">{bar.valueText}</span>
            </div>
          );
        })}
      </div>
    </figure>
  );
}
