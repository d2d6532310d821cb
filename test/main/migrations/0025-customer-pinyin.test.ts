import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../src/main/archive/migrate';
import { fillMissingSortKeys } from '../../../src/main/archive/sort-keys';
import { columnsOf, explainQueryPlan, migrateTo, useFreshDatabases } from './helpers';

const freshDatabase = useFreshDatabases();

const NAMES = ['上海浦江电子有限公司', '北京华通科技有限公司', '重庆山城建材有限公司', '安徽江淮物流有限公司', '长沙湘江贸易有限公司'];

describe('migration 0025-customer-pinyin', () => {
  it('gives the customers of an older archive a pinyin sort key, their fragments too, and indexes that keep pages in that order', async () => {
    const db = freshDatabase();
    await migrateTo(db, '0020-customers');
    db.prepare(`INSERT INTO departments (id, code, name, kind, created_at) VALUES ('d', 'business', '业务部门', 'business', 'x')`).run();
    db.prepare(`INSERT INTO users (id, username, display_name, department_id, created_at, updated_at) VALUES ('u', 'chenjie', '陈杰', 'd', 'x', 'x')`).run();
    const addCustomer = db.prepare(
      `INSERT INTO customers (id, kind, name, credit_code, department_id, grade, entered_by, entered_at, created_at, updated_at)
       VALUES (?, 'enterprise', ?, ?, 'd', 'A', 'u', 'x', 'x', 'x')`,
    );
    const addGram = db.prepare(`INSERT INTO search_grams (gram, name, customer_id) VALUES (?, ?, ?)`);
    NAMES.forEach((name, i) => {
      addCustomer.run(`c${i}`, name, `91310000MA1FL0000${i}`);
      addGram.run('有限', name, `c${i}`);
    });

    await migrateTo(db, '0025-customer-pinyin');
    expect(columnsOf(db, 'customers')).toContain('sort_key');
    expect(columnsOf(db, 'search_grams')).toEqual(['gram', 'sort_key', 'customer_id']);
    // The migration leaves the keys to the application: empty until the archive fills them.
    expect(db.prepare(`SELECT count(*) FROM customers WHERE sort_key = ''`).pluck().get()).toBe(NAMES.length);

    expect(fillMissingSortKeys(db)).toBe(NAMES.length);
    const inOrder = db.prepare('SELECT name FROM customers ORDER BY sort_key, id').pluck().all();
    // 安徽 an, 北京 bei, 长沙 chang, 重庆 chong (not zhong), 上海 shang.
    expect(inOrder).toEqual(['安徽江淮物流有限公司', '北京华通科技有限公司', '长沙湘江贸易有限公司', '重庆山城建材有限公司', '上海浦江电子有限公司']);
    const byFragment = db
      .prepare(`SELECT c.name FROM search_grams g JOIN customers c ON c.id = g.customer_id WHERE g.gram = '有限' ORDER BY g.sort_key, g.customer_id`)
      .pluck()
      .all();
    expect(byFragment).toEqual(inOrder);
    expect(db.prepare(`SELECT count(*) FROM search_grams g JOIN customers c ON c.id = g.customer_id WHERE g.sort_key <> c.sort_key`).pluck().get()).toBe(0);
    expect(fillMissingSortKeys(db)).toBe(0);

    // Pages of the list, of a filter and of a fragment come out of an index in key order.
    const pageOf = (query: string, ...params: unknown[]) => explainQueryPlan(db, query, ...params);
    expect(pageOf('SELECT id FROM customers ORDER BY sort_key, id LIMIT 100')).toMatch(/INDEX customers_sort/);
    expect(pageOf('SELECT id FROM customers ORDER BY sort_key, id LIMIT 100')).not.toMatch(/TEMP B-TREE/);
    for (const [column, index] of [['grade', 'customers_grade'], ['industry', 'customers_industry'], ['department_id', 'customers_department'], ['warning_state', 'customers_warning']]) {
      const plan = pageOf(`SELECT id FROM customers WHERE ${column} = ? ORDER BY sort_key LIMIT 100`, 'x');
      expect(plan).toMatch(new RegExp(`INDEX ${index}`));
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
    const fragment = pageOf('SELECT customer_id FROM search_grams WHERE gram = ? ORDER BY sort_key, customer_id LIMIT 100', '有限');
    expect(fragment).toMatch(/PRIMARY KEY/);
    expect(fragment).not.toMatch(/TEMP B-TREE/);
    expect(pageOf(`SELECT id FROM customers WHERE sort_key = '' LIMIT 10`)).toMatch(/INDEX customers_sort/);
    expect(pageOf('SELECT gram FROM search_grams WHERE customer_id = ?', 'c0')).toMatch(/INDEX search_grams_customer/);

    await migrateToLatest(db);
  });
});
