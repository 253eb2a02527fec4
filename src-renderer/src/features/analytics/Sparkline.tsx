import type { ReactElement } from 'react';
import { Line, LineChart, YAxis } from 'recharts';

/** A small trend line without axes; decorative next to the figure it summarises (hidden from assistive tech). */
export function Sparkline({
  values,
  color,
  width = 96,
  height = 28,
}: {
  values: number[];
  color: string;
  width?: number;
  height?: number;
}): ReactElement {
  const data = values.map((v, i) => ({ i, v }));
  return (
    <span className="sparkline" aria-hidden="true">
      <LineChart width={width} height={height} data={data} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
        <YAxis hide domain={['dataMin', 'dataMax']} />
        <Line
          type="monotone"
          dataKey="v"
          stroke={color}
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </span>
  );
}
