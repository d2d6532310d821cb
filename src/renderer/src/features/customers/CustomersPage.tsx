import { Badge, Box, Button, Card, Group, Select, Skeleton, Stack, Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuildingStore, IconFilterOff, IconSearch, IconUser, IconUserPlus } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { contract, type Input, type Output } from '../../../../shared/contract';
import { call } from '../../api/client';
import type { ApiError } from '../../api/errors';
import { queryKey, useArchiveQuery } from '../../api/hooks';
import { useCurrentUser } from '../../api/session';
import { schemaMaxLength } from '../../app/forms';
import { useLabels } from '../../app/labels';
import { allows } from '../../api/permissions';
import { PageHeader } from '../../app/ui/PageHeader';
import { EmptyBlock, ErrorState, LoadingState } from '../../app/ui/States';
import { CustomerFormModal } from './CustomerFormModal';
import { PurposeModal } from '../../app/ui/PurposeModal';
import { useVocabulary } from '../../app/vocabulary';

// 客户档案: the list of customers. It stays smooth at 100,000 rows: only the rows in view
// are in the DOM (virtualised), and rows come from the host in pages of PAGE_SIZE by
// offset, fetched as the user scrolls to them. Each page is a logged search.

const PAGE_SIZE = 200;
const ROW_HEIGHT = 52;
const PREFETCH_ROWS = 60;
// Name, code, industry, department, grade, credit limit, verification, warning. The verification
// column holds its longest badge in either language ("TO BE VERIFIED") without cutting it off.
const COLUMNS = 'minmax(240px, 2.4fr) minmax(190px, 1.3fr) minmax(110px, 1fr) minmax(120px, 1fr) 112px minmax(130px, 1fr) 132px 92px';

type Criteria = Omit<Input<'customers.search'>, 'offset' | 'limit'>;
type Scales = Output<'evaluations.crosswalk'>['scales'];

/** The grade filter's choices: "not graded", or a grade of a scale (imported grades have no scale). */
const UNGRADED = 'ungraded';
const gradeKey = (scale: string | null, grade: string) => JSON.stringify([scale, grade]);
function gradeCriteria(key: string | null): Pick<Criteria, 'grade' | 'gradeScale' | 'ungraded'> {
  if (!key) return {};
  if (key === UNGRADED) return { ungraded: true };
  const [scale, grade] = JSON.parse(key) as [string | null, string];
  return scale === null ? { grade } : { grade, gradeScale: scale };
}

/** A grade as people say it, "B 良好", from the scale it belongs to; the code alone when the scale is not known. */
function gradeLabel(scales: Scales | undefined, scale: string | null, grade: string, language: string): string {
  const found = scales?.find((s) => s.code === scale)?.grades.find((g) => g.code === grade);
  if (!found) return grade;
  const label = found.label[language === 'en-US' ? 'en-US' : 'zh-CN'];
  return label.includes(grade) || !/^[A-Z]{1,3}$/.test(grade) ? label : `${grade} ${label}`;
}
type SearchPage = Output<'customers.search'>;
/** A customer as the search gives it: with the field its text matched. */
type CustomerSummary = SearchPage['rows'][number];

/** ID numbers are personal: the list shows their first six and last four characters only. */
function maskIdNumber(id: string): string {
  return id.length > 10 ? `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` : id;
}

export function CustomersPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const labels = useLabels();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const vocabulary = useVocabulary();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [debouncedText] = useDebouncedValue(text.trim(), 250);
  const [grade, setGrade] = useState<string | null>(null);
  const [industry, setIndustry] = useState<string | null>(null);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [warningState, setWarningState] = useState<string | null>(null);
  const [verification, setVerification] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [opening, setOpening] = useState<CustomerSummary | null>(null);

  const facets = useArchiveQuery('customers.facets', {});
  const departments = useArchiveQuery('departments.list', {});
  const crosswalk = useArchiveQuery('evaluations.crosswalk', {}, { enabled: allows(me, 'evaluations.crosswalk') });
  const scales = crosswalk.data?.scales;
  // Grouped by scale, in the scale's own order (best first); imported grades without a scale last.
  const gradeOptions = useMemo(() => {
    const present = facets.data?.gradeScales ?? [];
    const groups = new Map<string | null, { value: string; label: string }[]>();
    const order = (scale: string | null, grade: string) => scales?.find((s) => s.code === scale)?.grades.findIndex((g) => g.code === grade) ?? 0;
    for (const p of [...present].sort((a, b) => order(a.scale, a.grade) - order(b.scale, b.grade))) {
      const list = groups.get(p.scale) ?? [];
      list.push({ value: gradeKey(p.scale, p.grade), label: gradeLabel(scales, p.scale, p.grade, language) });
      groups.set(p.scale, list);
    }
    const named = [...groups.entries()].map(([scale, items]) => ({
      group: scale === null ? t('evaluationModels.grades.imported') : (scales?.find((s) => s.code === scale)?.label[language === 'en-US' ? 'en-US' : 'zh-CN'] ?? scale),
      items,
    }));
    return [{ group: '', items: [{ value: UNGRADED, label: t('evaluationModels.grades.ungraded') }] }, ...named];
  }, [facets.data, scales, language, t]);

  const criteria: Criteria = useMemo(
    () => ({
      ...(debouncedText ? { text: debouncedText } : {}),
      ...gradeCriteria(grade),
      ...(industry ? { industry } : {}),
      ...(departmentId ? { departmentId } : {}),
      ...(warningState ? { warningState: warningState as 'none' | 'open' } : {}),
      ...(verification ? { verification: verification as 'pending' | 'verified' } : {}),
    }),
    [debouncedText, grade, industry, departmentId, warningState, verification],
  );
  const filtered = Object.keys(criteria).length > 0;
  const filterKey = JSON.stringify(criteria);

  const scrollRef = useRef<HTMLDivElement>(null);
  const [visiblePages, setVisiblePages] = useState<number[]>([0]);

  // The first page always: it tells the total. Then the pages in view.
  const pages = useMemo(() => [...new Set([0, ...visiblePages])].sort((a, b) => a - b), [visiblePages]);
  const results = useQueries({
    queries: pages.map((page) => {
      const input: Input<'customers.search'> = { ...criteria, offset: page * PAGE_SIZE, limit: PAGE_SIZE };
      return {
        queryKey: queryKey('customers.search', input),
        queryFn: () => call('customers.search', input),
        staleTime: 60_000,
      };
    }),
  });
  const first = results[0];
  const total = (first?.data as SearchPage | undefined)?.total ?? null;
  const rowsByPage = new Map<number, CustomerSummary[]>();
  results.forEach((result, i) => {
    if (result.data) rowsByPage.set(pages[i]!, (result.data as SearchPage).rows);
  });

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;

  // Which pages the rows in view (and just beyond) live on.
  useEffect(() => {
    // The next page is asked for a little before it scrolls into view.
    const from = Math.floor(firstIndex / PAGE_SIZE);
    const to = Math.floor(Math.min(lastIndex + PREFETCH_ROWS, Math.max(0, (total ?? 1) - 1)) / PAGE_SIZE);
    const next: number[] = [];
    for (let page = from; page <= to; page += 1) next.push(page);
    setVisiblePages((current) => (current.length === next.length && current.every((p, i) => p === next[i]) ? current : next));
  }, [firstIndex, lastIndex, total]);

  // New criteria: back to the top of the list.
  useEffect(() => {
    virtualizer.scrollToOffset(0);
    setVisiblePages([0]);
  }, [filterKey]);

  const clearFilters = () => {
    setText('');
    setGrade(null);
    setIndustry(null);
    setDepartmentId(null);
    setWarningState(null);
    setVerification(null);
  };

  const canCreate = allows(me, 'customers.create');
  const departmentOptions = (departments.data ?? []).map((d) => ({ value: d.id, label: labels.department(d.name, d.code) }));

  const body = (() => {
    if (first?.isPending) return <LoadingState label={t('customers.searching')} />;
    if (first?.isError) return <ErrorState error={first.error as ApiError} onRetry={() => void first.refetch()} />;
    if (total === 0 && !filtered) {
      return (
        <EmptyBlock
          icon={<IconBuildingStore size={28} stroke={1.5} />}
          title={t('customers.empty')}
          description={canCreate ? t('customers.emptyHint') : t('customers.emptyHintReadOnly')}
          action={
            canCreate ? (
              <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)}>
                {t('customers.create')}
              </Button>
            ) : undefined
          }
        />
      );
    }
    if (total === 0) {
      return (
        <EmptyBlock
          icon={<IconSearch size={28} stroke={1.5} />}
          title={t('customers.noMatch')}
          description={t('customers.noMatchHint')}
          action={
            <Button variant="default" leftSection={<IconFilterOff size={16} />} onClick={clearFilters}>
              {t('customers.filters.clear')}
            </Button>
          }
        />
      );
    }
    return null;
  })();

  const open = (customer: CustomerSummary) => setOpening(customer);
  const onRowKey = (event: KeyboardEvent<HTMLDivElement>, customer: CustomerSummary) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(customer);
    }
  };

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        subtitle={t('customers.subtitle')}
        actions={
          canCreate && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)} data-testid="create-customer">
              {t('customers.create')}
            </Button>
          )
        }
      />
      <Card withBorder radius="md" padding="lg">
        <Stack gap="md">
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t('customers.search')}
            aria-label={t('customers.searchLabel')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            maxLength={schemaMaxLength(contract['customers.search'].input, 'text')}
            data-testid="customer-search"
          />
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label={t('customers.filters.grade')}
              placeholder={t('customers.filters.gradePlaceholder')}
              data={gradeOptions}
              value={grade}
              onChange={setGrade}
              clearable
              w={220}
              data-testid="grade-filter"
              disabled={facets.isError}
            />
            <Select
              label={t('customers.filters.industry')}
              placeholder={t('customers.filters.industryPlaceholder')}
              data={facets.data?.industries ?? []}
              value={industry}
              onChange={setIndustry}
              clearable
              searchable
              w={200}
              disabled={facets.isError}
            />
            <Select
              label={t('customers.filters.department')}
              placeholder={t('customers.filters.departmentPlaceholder')}
              data={departmentOptions}
              value={departmentId}
              onChange={setDepartmentId}
              clearable
              searchable
              w={200}
            />
            <Select
              label={t('customers.filters.warning')}
              placeholder={t('customers.filters.warningPlaceholder')}
              data={vocabulary.options('warning')}
              value={warningState}
              onChange={setWarningState}
              clearable
              w={140}
            />
            <Select
              label={t('customers.filters.verification')}
              placeholder={t('customers.filters.verificationPlaceholder')}
              data={vocabulary.options('verification')}
              value={verification}
              onChange={setVerification}
              clearable
              w={140}
            />
            {filtered && (
              <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={clearFilters}>
                {t('customers.filters.clear')}
              </Button>
            )}
            <Text size="sm" c="dimmed" ml="auto" data-testid="customer-total">
              {total === null ? '\u00a0' : filtered ? t('customers.totalFiltered', { count: total }) : t('customers.total', { count: total })}
            </Text>
          </Group>

          {body ?? (
            <Box style={{ overflowX: 'auto' }}>
              <Box miw={1000} role="table" aria-label={t('customers.title')} aria-rowcount={total ?? 0} data-testid="customer-list">
                <Box
                  role="row"
                  px="md"
                  py={10}
                  style={{
                    display: 'grid',
                    gridTemplateColumns: COLUMNS,
                    gap: 'var(--mantine-spacing-md)',
                    borderBottom: '1px solid var(--mantine-color-gray-3)',
                    background: 'var(--mantine-color-gray-0)',
                    borderRadius: 'var(--mantine-radius-sm) var(--mantine-radius-sm) 0 0',
                  }}
                >
                  {(['name', 'code', 'industry', 'department', 'grade', 'creditLimit', 'verification', 'warning'] as const).map((column) => (
                    <Text key={column} role="columnheader" size="sm" fw={600} truncate="end">
                      {t(`customers.columns.${column}`)}
                    </Text>
                  ))}
                </Box>
                <Box ref={scrollRef} h="calc(100vh - 400px)" mih={360} style={{ overflowY: 'auto', contain: 'strict' }}>
                  <Box style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                    {items.map((item) => {
                      const page = Math.floor(item.index / PAGE_SIZE);
                      const customer = rowsByPage.get(page)?.[item.index - page * PAGE_SIZE];
                      return (
                        <Box
                          key={item.key}
                          style={{ position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}
                        >
                          {customer ? (
                            <CustomerRow customer={customer} onOpen={open} onKey={onRowKey} index={item.index} scales={scales} />
                          ) : (
                            <Box role="row" px="md" h="100%" style={{ display: 'grid', gridTemplateColumns: COLUMNS, gap: 'var(--mantine-spacing-md)', alignItems: 'center' }}>
                              <Skeleton height={12} width="70%" aria-label={t('customers.loadingRow')} />
                              <Skeleton height={12} width="80%" />
                              <Skeleton height={12} width="60%" />
                              <Skeleton height={12} width="60%" />
                              <Skeleton height={12} width={32} />
                              <Skeleton height={12} width="60%" />
                              <Skeleton height={18} width={56} radius="xl" />
                              <Skeleton height={18} width={56} radius="xl" />
                            </Box>
                          )}
                        </Box>
                      );
                    })}
                  </Box>
                </Box>
              </Box>
            </Box>
          )}
        </Stack>
      </Card>
      <CustomerFormModal opened={creating} customer={null} onClose={() => setCreating(false)} />
      <PurposeModal
        opened={opening !== null}
        subject={opening?.name ?? null}
        onCancel={() => setOpening(null)}
        onConfirm={(purpose) => {
          const customer = opening;
          setOpening(null);
          if (customer) navigate(`/customers/${customer.id}`, { state: { purpose } });
        }}
      />
    </>
  );
}

function CustomerRow({
  customer,
  index,
  onOpen,
  onKey,
  scales,
}: {
  customer: CustomerSummary;
  index: number;
  onOpen: (customer: CustomerSummary) => void;
  onKey: (event: KeyboardEvent<HTMLDivElement>, customer: CustomerSummary) => void;
  scales: Scales | undefined;
}) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const vocabulary = useVocabulary();
  const code = customer.kind === 'enterprise' ? customer.creditCode : customer.idNumber ? maskIdNumber(customer.idNumber) : null;
  return (
    <UnstyledButton
      component="div"
      role="row"
      aria-rowindex={index + 1}
      tabIndex={0}
      onClick={() => onOpen(customer)}
      onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => onKey(event, customer)}
      data-testid="customer-row"
      data-name={customer.name}
      px="md"
      h="100%"
      w="100%"
      className="customer-row"
      style={{
        display: 'grid',
        gridTemplateColumns: COLUMNS,
        gap: 'var(--mantine-spacing-md)',
        alignItems: 'center',
        borderBottom: '1px solid var(--mantine-color-gray-2)',
        cursor: 'pointer',
        background: index % 2 === 1 ? 'var(--mantine-color-gray-0)' : undefined,
      }}
    >
      <Group gap={8} wrap="nowrap" miw={0} role="cell">
        {customer.kind === 'individual' ? (
          <Tooltip label={t('customers.individual')}>
            <IconUser size={16} color="var(--mantine-color-grape-6)" style={{ flexShrink: 0 }} />
          </Tooltip>
        ) : (
          <IconBuildingStore size={16} color="var(--mantine-color-blue-6)" style={{ flexShrink: 0 }} />
        )}
        <Text size="sm" fw={500} truncate="end" title={customer.name}>
          {customer.name}
        </Text>
        {customer.matched ? (
          <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }} data-testid="search-match" data-matched={customer.matched}>
            {t(`customers.matched.${customer.matched}`)}
          </Badge>
        ) : null}
      </Group>
      <Text role="cell" size="sm" ff="monospace" truncate="end">
        {code ?? '—'}
      </Text>
      <Text role="cell" size="sm" truncate="end">
        {customer.industry ?? '—'}
      </Text>
      <Text role="cell" size="sm" truncate="end">
        {labels.department(customer.departmentName)}
      </Text>
      <Box role="cell">
        {customer.grade ? (
          <Tooltip label={customer.gradeSince ? t('evaluationModels.grades.since', { day: customer.gradeSince }) : t('evaluationModels.grades.imported')}>
            <Badge variant="light" color="indigo" style={{ textTransform: 'none' }} maw="100%" data-testid="grade-cell" data-grade={customer.grade} data-scale={customer.gradeScale ?? ''}>
              {gradeLabel(scales, customer.gradeScale, customer.grade, i18n.resolvedLanguage ?? 'zh-CN')}
            </Badge>
          </Tooltip>
        ) : (
          <Text size="xs" c="dimmed">
            {t('customers.noGrade')}
          </Text>
        )}
      </Box>
      <Stack role="cell" gap={0} miw={0} data-testid="credit-limit-cell">
        {customer.creditLimitFen === null ? (
          <Text size="xs" c="dimmed">
            {t('customerFile.basics.noCreditLimit')}
          </Text>
        ) : (
          <>
            <Text size="sm" truncate="end">
              {vocabulary.money(customer.creditLimitFen)}
            </Text>
            {customer.creditTermDays !== null && (
              <Text size="xs" c="dimmed">
                {t('customerFile.basics.termDays', { count: customer.creditTermDays })}
              </Text>
            )}
          </>
        )}
      </Stack>
      <Box role="cell">
        <Badge variant="light" color={customer.verification === 'verified' ? 'green' : 'orange'} data-testid="verification-badge">
          {vocabulary.label('verification', customer.verification)}
        </Badge>
      </Box>
      <Box role="cell">
        {customer.warningState === 'open' ? (
          <Badge variant="filled" color="red">
            {vocabulary.label('warning', 'open')}
          </Badge>
        ) : (
          <Text size="xs" c="dimmed">
            {vocabulary.label('warning', 'none')}
          </Text>
        )}
      </Box>
    </UnstyledButton>
  );
}
