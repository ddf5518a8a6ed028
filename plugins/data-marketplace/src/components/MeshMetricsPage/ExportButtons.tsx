import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useState } from 'react';
import { dataMarketplaceApiRef, type MetricsExportFormat } from '../../api';
import { saveFile } from '../../lib/saveFile';

/**
 * Downloads every recorded lead time (of the selected domain) as CSV or JSON. The file
 * comes through the fetchApi, so the backend sees the user's token, then is saved locally.
 */
export function ExportButtons(props: { domain?: string }) {
  const api = useApi(dataMarketplaceApiRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState<MetricsExportFormat | undefined>();

  const download = async (format: MetricsExportFormat) => {
    setBusy(format);
    try {
      const file = await api.exportMetrics({ format, domain: props.domain });
      saveFile(file.blob, file.fileName);
    } catch (error) {
      alertApi.post({
        message: `The export failed: ${(error as Error).message}`,
        severity: 'error',
      });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <ButtonGroup variant="outlined" size="small" aria-label="Export lead times">
      {(['csv', 'json'] as const).map(format => (
        <Button
          key={format}
          startIcon={<GetAppIcon />}
          disabled={busy !== undefined}
          onClick={() => download(format)}
        >
          Export {format.toLocaleUpperCase('en-US')}
        </Button>
      ))}
    </ButtonGroup>
  );
}
