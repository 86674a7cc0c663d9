/**
 * 「写入校验印记」: after a check with no error, the stamp (engine/stamp) goes into the workbook's custom
 * properties through the host. The sheet is read and validated again first, so the stamp describes the
 * sheet as it is at that moment, not as it was at the last check.
 */
import { Button, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Locale } from '../../../engine/messages';
import type { Rubric } from '../../../engine/rubric-types';
import { makeStamp, stampFromProperties, stampStatus, stampToProperties, type Sha256Hex, type StampStatus } from '../../../engine/stamp/stamp';
import { validateSheet, type ValidationResult } from '../../../engine/validate/validate-sheet';
import { webCryptoSha256 } from '../../../host/sha256';
import type { WorkbookHost } from '../../../host/workbook-host';
import { stampStrings } from './stamp-strings';

export interface StampPanelProps {
  host: WorkbookHost;
  rubric: Rubric;
  /** The pane's last validation; the panel shows only when it found no error. */
  result: ValidationResult | null;
  disabled: boolean;
  locale: Locale;
  sha256?: Sha256Hex;
  now?: () => Date;
}

export function StampPanel({ host, rubric, result, disabled, locale, sha256 = webCryptoSha256, now = () => new Date() }: StampPanelProps) {
  const words = stampStrings(locale);
  const [message, setMessage] = useState<string | null>(null);
  const [status, setStatus] = useState<StampStatus | null>(null);
  const [working, setWorking] = useState(false);
  const clean = result !== null && !result.findings.some((f) => f.severity === 'error');
  const canStamp = host.readCustomProperties !== undefined && host.writeCustomProperties !== undefined;

  // What the workbook holds now, against the sheet as the last check read it.
  useEffect(() => {
    let live = true;
    setMessage(null);
    if (!canStamp || !result) return;
    void (async () => {
      try {
        const sheet = await host.readActiveSheet();
        const stamp = stampFromProperties(await (host.readCustomProperties as () => Promise<Record<string, string>>)());
        const current = await stampStatus(stamp, { rubric, sheet, table: result.table }, sha256);
        if (live) setStatus(current);
      } catch {
        if (live) setStatus(null);
      }
    })();
    return () => {
      live = false;
    };
  }, [host, rubric, result, canStamp, sha256]);

  if (!canStamp || !result) return null;

  const write = async () => {
    setWorking(true);
    setMessage(null);
    try {
      const sheet = await host.readActiveSheet();
      const again = validateSheet(sheet, rubric, { locale });
      const errors = again.findings.filter((f) => f.severity === 'error').length;
      if (errors > 0) {
        setMessage(words.hasErrors(errors));
        return;
      }
      const stamp = await makeStamp({ rubric, sheet, table: again.table, scorecard: again.scorecard }, sha256, now());
      await (host.writeCustomProperties as (v: readonly [string, string][]) => Promise<void>)(stampToProperties(stamp));
      setStatus('valid');
      setMessage(words.written(stamp.total, stamp.grade));
    } catch (err) {
      setMessage(words.failed(err instanceof Error ? err.message : String(err)));
    } finally {
      setWorking(false);
    }
  };

  return (
    <section aria-label={words.heading} data-testid="stamp-panel">
      <Text as="h2" weight="semibold" size={300}>
        {words.heading}
      </Text>
      {status && (
        <p data-testid="stamp-status">
          {words.statusLabel}：{words.status[status]}
        </p>
      )}
      {clean && (
        <>
          <p>{words.hint}</p>
          <Button appearance="secondary" disabled={disabled || working} onClick={() => void write()}>
            {words.write}
          </Button>
        </>
      )}
      {message && (
        <p role="status" data-testid="stamp-message">
          {message}
        </p>
      )}
    </section>
  );
}
