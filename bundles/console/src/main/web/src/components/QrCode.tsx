import { create } from 'qrcode';
import { useMemo } from 'react';

/**
 * A QR code drawn as one SVG path (no data: URL or canvas, so it passes the console's Content-Security-Policy and
 * stays sharp at any size). Always dark on white with a quiet zone, as scanners expect, whatever the theme.
 */
export function QrCode({ text, label, size = 200 }: { text: string; label: string; size?: number }) {
  const { path, modules } = useMemo(() => {
    const matrix = create(text, { errorCorrectionLevel: 'M' }).modules;
    const parts: string[] = [];
    for (let row = 0; row < matrix.size; row++) {
      for (let col = 0; col < matrix.size; col++) {
        if (matrix.data[row * matrix.size + col]) {
          parts.push(`M${col + 4} ${row + 4}h1v1h-1z`);
        }
      }
    }
    return { path: parts.join(''), modules: matrix.size + 8 };
  }, [text]);

  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${modules} ${modules}`} shapeRendering="crispEdges">
      <rect width={modules} height={modules} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
