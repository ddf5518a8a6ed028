import { dcsFormat } from './dcs';
import { dpdsFormat } from './dpds';
import { odcsFormat } from './odcs';
import { odpsFormat } from './odps';
import type { DescriptorFormat, DetectedDescriptor } from './types';

/** Every descriptor standard the suite reads. */
export const descriptorFormats: DescriptorFormat[] = [
  odpsFormat,
  odcsFormat,
  dcsFormat,
  dpdsFormat,
];

/** The format of a parsed document and the version it declares, or undefined. */
export function detectDescriptor(
  document: unknown,
): { format: DescriptorFormat; detected: DetectedDescriptor } | undefined {
  for (const format of descriptorFormats) {
    const detected = format.detect(document);
    if (detected) {
      return { format, detected };
    }
  }
  return undefined;
}
