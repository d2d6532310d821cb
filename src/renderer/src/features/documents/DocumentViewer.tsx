import { Alert, Badge, Box, Center, Group, Loader, Modal, Paper, ScrollArea, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconEyeCheck, IconFileOff } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentMeta, Output } from '../../../../shared/contract';
import { call } from '../../api/client';
import { base64ToBytes } from '../../app/files';
import { useLabels } from '../../app/labels';
import { ErrorState } from '../../app/ui/States';
import { Field } from '../../app/ui/Field';
import { useVocabulary } from '../../app/vocabulary';

// The document viewer: the content is decrypted by the host and arrives as base64; here it
// becomes bytes and an object URL in this page's memory only (nothing is written to disk;
// the URL is revoked when the viewer closes). PDFs are drawn by pdf.js page by page on
// canvases, images in an <img>; every view carries a watermark of the reader and the time.

type Opened = Output<'documents.open'>;
type Content = { kind: 'pdf'; bytes: Uint8Array } | { kind: 'image'; url: string } | { kind: 'text'; text: string } | { kind: 'other' };

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const TILE_WIDTH = 320;
const TILE_HEIGHT = 180;

/** A watermark repeated over the whole of what is shown, above it, and not selectable. */
export function Watermark({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 1200, height: 900 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const columns = Math.ceil(size.width / TILE_WIDTH) + 1;
  const rows = Math.ceil(size.height / TILE_HEIGHT) + 1;
  return (
    <Box
      ref={ref}
      data-testid="watermark"
      aria-label={text}
      role="note"
      style={{ position: 'absolute', inset: 0, overflow: 'hidden', pointerEvents: 'none', userSelect: 'none', zIndex: 2 }}
    >
      {Array.from({ length: rows * columns }, (_, i) => {
        const row = Math.floor(i / columns);
        const column = i % columns;
        return (
          <Text
            key={i}
            aria-hidden
            size="sm"
            fw={600}
            style={{
              position: 'absolute',
              left: column * TILE_WIDTH + (row % 2) * (TILE_WIDTH / 2) - TILE_WIDTH / 2,
              top: row * TILE_HEIGHT,
              width: TILE_WIDTH,
              textAlign: 'center',
              transform: 'rotate(-28deg)',
              color: 'rgba(120, 120, 130, 0.28)',
              whiteSpace: 'nowrap',
            }}
          >
            {text}
          </Text>
        );
      })}
    </Box>
  );
}

function PdfPages({ bytes, onError }: { bytes: Uint8Array; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [progress, setProgress] = useState<{ page: number; count: number } | null>(null);
  const [done, setDone] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => void) | null = null;
    (async () => {
      const { openPdf } = await import('./pdf');
      if (cancelled) return;
      // pdf.js takes the buffer over: hand it a copy, so that this component's bytes stay.
      const task = openPdf(bytes.slice());
      destroy = () => void task.destroy();
      const pdf = await task.promise;
      const host = container.current;
      if (!host || cancelled) return;
      host.replaceChildren();
      const width = Math.min(host.clientWidth || 900, 980);
      const ratio = window.devicePixelRatio || 1;
      for (let n = 1; n <= pdf.numPages && !cancelled; n += 1) {
        setProgress({ page: n, count: pdf.numPages });
        const page = await pdf.getPage(n);
        const base = page.getViewport({ scale: 1 });
        const viewport = page.getViewport({ scale: width / base.width });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        canvas.style.width = `${Math.floor(viewport.width)}px`;
        canvas.style.height = `${Math.floor(viewport.height)}px`;
        canvas.style.display = 'block';
        canvas.style.margin = '0 auto 16px';
        canvas.style.background = 'white';
        canvas.style.boxShadow = '0 1px 4px rgba(0,0,0,0.18)';
        canvas.dataset.page = String(n);
        canvas.setAttribute('aria-label', t('viewer.rendering', { page: n, count: pdf.numPages }));
        host.appendChild(canvas);
        const context = canvas.getContext('2d');
        if (!context) continue;
        await page.render({ canvas, canvasContext: context, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined }).promise;
        page.cleanup();
      }
      if (!cancelled) {
        setProgress({ page: pdf.numPages, count: pdf.numPages });
        setDone(true);
      }
    })().catch((error: unknown) => {
      if (!cancelled) onError(error);
    });
    return () => {
      cancelled = true;
      destroy?.();
      container.current?.replaceChildren();
    };
  }, [bytes]);

  return (
    <Stack gap="xs">
      {progress && (
        <Text size="xs" c="dimmed" ta="center" data-testid={done ? 'pdf-rendered' : 'pdf-rendering'} data-pages={progress.count}>
          {done ? t('viewer.pages', { count: progress.count }) : t('viewer.rendering', progress)}
        </Text>
      )}
      <div ref={container} data-testid="pdf-pages" />
    </Stack>
  );
}

export function DocumentViewer({ document: meta, purpose, onClose }: { document: DocumentMeta | null; purpose: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const vocabulary = useVocabulary();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [content, setContent] = useState<Content | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!meta || !purpose) return;
    let cancelled = false;
    let objectUrl: string | null = null;
    setOpened(null);
    setContent(null);
    setError(null);
    // A direct call, not a cached query: the content lives only as long as the viewer.
    call('documents.open', { id: meta.id, purpose })
      .then((result) => {
        if (cancelled) return;
        const mime = result.document.electronic?.mime ?? '';
        const bytes = base64ToBytes(result.contentBase64);
        setOpened({ ...result, contentBase64: '' });
        if (mime === 'application/pdf') setContent({ kind: 'pdf', bytes });
        else if (IMAGE_TYPES.includes(mime)) {
          objectUrl = URL.createObjectURL(new Blob([bytes], { type: mime }));
          setContent({ kind: 'image', url: objectUrl });
        } else if (mime === 'text/plain') setContent({ kind: 'text', text: new TextDecoder().decode(bytes) });
        else setContent({ kind: 'other' });
      })
      .catch((reason: unknown) => {
        if (!cancelled) setError(reason);
      });
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      setContent(null);
      setOpened(null);
    };
  }, [meta?.id, purpose, attempt]);

  const electronic = meta?.electronic ?? null;
  const watermark = opened ? t('viewer.watermark', { reader: opened.watermark.reader, time: labels.dateTime(opened.watermark.at) }) : '';

  return (
    <Modal
      opened={meta !== null && purpose !== null}
      onClose={onClose}
      fullScreen
      title={meta ? t('viewer.title', { title: meta.title }) : ''}
      closeButtonProps={{ 'aria-label': t('viewer.close') }}
      styles={{ body: { height: 'calc(100% - 60px)', display: 'flex', flexDirection: 'column', gap: 12 } }}
      data-testid="document-viewer"
    >
      {meta && (
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" ff="monospace">
            {meta.archiveNo}
          </Badge>
          <Badge variant="light" color="gray">
            {vocabulary.label('documentCategory', meta.category)}
          </Badge>
          <Badge variant="outline" color={meta.confidentiality === 'normal' ? 'gray' : 'red'}>
            {vocabulary.label('confidentiality', meta.confidentiality)}
          </Badge>
          {electronic && (
            <Text size="xs" c="dimmed">
              {electronic.fileName} · {vocabulary.fileSize(electronic.size)}
            </Text>
          )}
          {opened && (
            <Group gap={4} ml="auto" wrap="nowrap">
              <IconEyeCheck size={14} color="var(--mantine-color-dimmed)" />
              <Text size="xs" c="dimmed">
                {t('viewer.watermarkNote')}
              </Text>
            </Group>
          )}
        </Group>
      )}
      <Box
        flex={1}
        mih={0}
        bg="var(--mantine-color-gray-2)"
        style={{ borderRadius: 'var(--mantine-radius-md)', overflow: 'hidden', userSelect: 'none' }}
        onContextMenu={(event) => event.preventDefault()}
      >
        {error ? (
          <Center h="100%" p="xl">
            <ErrorState error={error} onRetry={() => setAttempt((n) => n + 1)} />
          </Center>
        ) : !content || !opened ? (
          <Center h="100%">
            <Stack align="center" gap="xs">
              <Loader />
              <Text size="sm" c="dimmed">
                {t('viewer.loading')}
              </Text>
            </Stack>
          </Center>
        ) : (
          <ScrollArea h="100%" type="auto">
            <Box pos="relative" p="lg" mih="100%" data-testid="viewer-content">
              {content.kind === 'pdf' && <PdfPages bytes={content.bytes} onError={setError} />}
              {content.kind === 'image' && (
                <Center>
                  <img
                    src={content.url}
                    alt={meta?.title ?? ''}
                    draggable={false}
                    data-testid="document-image"
                    style={{ maxWidth: '100%', height: 'auto', background: 'white', boxShadow: '0 1px 4px rgba(0,0,0,0.18)' }}
                  />
                </Center>
              )}
              {content.kind === 'text' && (
                <Paper p="lg" maw={980} mx="auto" radius="sm">
                  <Text component="pre" size="sm" ff="monospace" style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="document-text">
                    {content.text}
                  </Text>
                </Paper>
              )}
              {content.kind === 'other' && meta && electronic && (
                <Paper p="xl" maw={720} mx="auto" radius="md" withBorder data-testid="document-not-viewable">
                  <Stack gap="md">
                    <Group gap="sm" wrap="nowrap">
                      <ThemeIcon variant="light" color="gray" size="xl" radius="md">
                        <IconFileOff size={24} />
                      </ThemeIcon>
                      <Text fw={600}>{t('viewer.officeTitle')}</Text>
                    </Group>
                    <Alert variant="light" color="blue">
                      <Text size="sm">{t('viewer.officeNote')}</Text>
                    </Alert>
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                      <Field label={t('viewer.meta.fileName')}>{electronic.fileName}</Field>
                      <Field label={t('viewer.meta.type')} mono>
                        {electronic.mime}
                      </Field>
                      <Field label={t('viewer.meta.size')}>{vocabulary.fileSize(electronic.size)}</Field>
                      <Field label={t('viewer.meta.addedBy')}>{`${meta.addedBy.displayName} · ${labels.dateTime(meta.addedAt)}`}</Field>
                    </SimpleGrid>
                    <Field label={t('viewer.meta.sha256')} mono>
                      {electronic.sha256}
                    </Field>
                  </Stack>
                </Paper>
              )}
              <Watermark text={watermark} />
            </Box>
          </ScrollArea>
        )}
      </Box>
    </Modal>
  );
}
