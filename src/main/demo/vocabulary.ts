// The words demo customers are made of: cities with their administrative division codes
// (GB/T 2260, as the credit codes and ID numbers of real companies and people carry them),
// trade names (字号), industries, people's names, banks, courts and credit agencies.

export interface District {
  name: string;
  /** Six-digit administrative division code (行政区划代码). */
  code: string;
}

export interface City {
  /** Short name as a company name carries it: 杭州. */
  name: string;
  /** Province part of an address ('' for a municipality: 上海市 is both). */
  province: string;
  /** Telephone area code. */
  areaCode: string;
  /** One-character court abbreviation of the province (案号: （2024）浙0106民初1234号). */
  courtAbbr: string;
  districts: readonly District[];
  /** Relative weight: how many customers come from here. */
  weight: number;
}

export const CITIES: readonly City[] = [
  { name: '杭州', province: '浙江省', areaCode: '0571', courtAbbr: '浙', weight: 14, districts: [d('上城区', '330102'), d('拱墅区', '330105'), d('西湖区', '330106'), d('滨江区', '330108'), d('萧山区', '330109'), d('余杭区', '330110')] },
  { name: '宁波', province: '浙江省', areaCode: '0574', courtAbbr: '浙', weight: 7, districts: [d('海曙区', '330203'), d('江北区', '330205'), d('北仑区', '330206'), d('鄞州区', '330212')] },
  { name: '温州', province: '浙江省', areaCode: '0577', courtAbbr: '浙', weight: 5, districts: [d('鹿城区', '330302'), d('龙湾区', '330303'), d('瓯海区', '330304'), d('乐清市', '330382')] },
  { name: '绍兴', province: '浙江省', areaCode: '0575', courtAbbr: '浙', weight: 4, districts: [d('越城区', '330602'), d('柯桥区', '330603'), d('上虞区', '330604'), d('诸暨市', '330681')] },
  { name: '嘉兴', province: '浙江省', areaCode: '0573', courtAbbr: '浙', weight: 3, districts: [d('南湖区', '330402'), d('秀洲区', '330411'), d('海宁市', '330481')] },
  { name: '金华', province: '浙江省', areaCode: '0579', courtAbbr: '浙', weight: 3, districts: [d('婺城区', '330702'), d('义乌市', '330782'), d('永康市', '330784')] },
  { name: '台州', province: '浙江省', areaCode: '0576', courtAbbr: '浙', weight: 3, districts: [d('椒江区', '331002'), d('黄岩区', '331003'), d('温岭市', '331081')] },
  { name: '苏州', province: '江苏省', areaCode: '0512', courtAbbr: '苏', weight: 7, districts: [d('姑苏区', '320508'), d('吴中区', '320506'), d('相城区', '320507'), d('昆山市', '320583'), d('张家港市', '320582'), d('常熟市', '320581')] },
  { name: '无锡', province: '江苏省', areaCode: '0510', courtAbbr: '苏', weight: 4, districts: [d('梁溪区', '320213'), d('滨湖区', '320211'), d('新吴区', '320214'), d('江阴市', '320281')] },
  { name: '常州', province: '江苏省', areaCode: '0519', courtAbbr: '苏', weight: 3, districts: [d('天宁区', '320402'), d('钟楼区', '320404'), d('新北区', '320411'), d('武进区', '320412')] },
  { name: '南京', province: '江苏省', areaCode: '025', courtAbbr: '苏', weight: 4, districts: [d('玄武区', '320102'), d('秦淮区', '320104'), d('鼓楼区', '320106'), d('浦口区', '320111'), d('江宁区', '320115')] },
  { name: '南通', province: '江苏省', areaCode: '0513', courtAbbr: '苏', weight: 2, districts: [d('崇川区', '320613'), d('海门区', '320614'), d('如皋市', '320682')] },
  { name: '上海', province: '', areaCode: '021', courtAbbr: '沪', weight: 8, districts: [d('黄浦区', '310101'), d('徐汇区', '310104'), d('长宁区', '310105'), d('闵行区', '310112'), d('嘉定区', '310114'), d('浦东新区', '310115'), d('松江区', '310117')] },
  { name: '北京', province: '', areaCode: '010', courtAbbr: '京', weight: 4, districts: [d('东城区', '110101'), d('朝阳区', '110105'), d('丰台区', '110106'), d('海淀区', '110108'), d('大兴区', '110115')] },
  { name: '天津', province: '', areaCode: '022', courtAbbr: '津', weight: 2, districts: [d('和平区', '120101'), d('河西区', '120103'), d('滨海新区', '120116')] },
  { name: '合肥', province: '安徽省', areaCode: '0551', courtAbbr: '皖', weight: 3, districts: [d('庐阳区', '340103'), d('蜀山区', '340104'), d('包河区', '340111')] },
  { name: '广州', province: '广东省', areaCode: '020', courtAbbr: '粤', weight: 4, districts: [d('越秀区', '440104'), d('海珠区', '440105'), d('天河区', '440106'), d('白云区', '440111'), d('黄埔区', '440112'), d('番禺区', '440113')] },
  { name: '深圳', province: '广东省', areaCode: '0755', courtAbbr: '粤', weight: 4, districts: [d('罗湖区', '440303'), d('福田区', '440304'), d('南山区', '440305'), d('宝安区', '440306'), d('龙岗区', '440307')] },
  { name: '佛山', province: '广东省', areaCode: '0757', courtAbbr: '粤', weight: 2, districts: [d('禅城区', '440604'), d('南海区', '440605'), d('顺德区', '440606')] },
  { name: '东莞', province: '广东省', areaCode: '0769', courtAbbr: '粤', weight: 2, districts: [d('长安镇', '441900'), d('虎门镇', '441900'), d('松山湖', '441900')] },
  { name: '厦门', province: '福建省', areaCode: '0592', courtAbbr: '闽', weight: 2, districts: [d('思明区', '350203'), d('湖里区', '350206'), d('集美区', '350211')] },
  { name: '福州', province: '福建省', areaCode: '0591', courtAbbr: '闽', weight: 2, districts: [d('鼓楼区', '350102'), d('台江区', '350103'), d('仓山区', '350104')] },
  { name: '成都', province: '四川省', areaCode: '028', courtAbbr: '川', weight: 3, districts: [d('锦江区', '510104'), d('青羊区', '510105'), d('武侯区', '510107'), d('成华区', '510108'), d('双流区', '510116')] },
  { name: '重庆', province: '', areaCode: '023', courtAbbr: '渝', weight: 2, districts: [d('渝中区', '500103'), d('江北区', '500105'), d('九龙坡区', '500107'), d('渝北区', '500112')] },
  { name: '武汉', province: '湖北省', areaCode: '027', courtAbbr: '鄂', weight: 3, districts: [d('江岸区', '420102'), d('武昌区', '420106'), d('洪山区', '420111'), d('东西湖区', '420112')] },
  { name: '长沙', province: '湖南省', areaCode: '0731', courtAbbr: '湘', weight: 2, districts: [d('芙蓉区', '430102'), d('岳麓区', '430104'), d('开福区', '430105'), d('雨花区', '430111')] },
  { name: '郑州', province: '河南省', areaCode: '0371', courtAbbr: '豫', weight: 2, districts: [d('中原区', '410102'), d('管城回族区', '410104'), d('金水区', '410105')] },
  { name: '济南', province: '山东省', areaCode: '0531', courtAbbr: '鲁', weight: 2, districts: [d('历下区', '370102'), d('市中区', '370103'), d('槐荫区', '370104')] },
  { name: '青岛', province: '山东省', areaCode: '0532', courtAbbr: '鲁', weight: 2, districts: [d('市南区', '370202'), d('市北区', '370203'), d('黄岛区', '370211'), d('崂山区', '370212')] },
  { name: '西安', province: '陕西省', areaCode: '029', courtAbbr: '陕', weight: 2, districts: [d('新城区', '610102'), d('碑林区', '610103'), d('未央区', '610112'), d('雁塔区', '610113')] },
  { name: '南昌', province: '江西省', areaCode: '0791', courtAbbr: '赣', weight: 1, districts: [d('东湖区', '360102'), d('西湖区', '360103'), d('青山湖区', '360111')] },
  { name: '沈阳', province: '辽宁省', areaCode: '024', courtAbbr: '辽', weight: 1, districts: [d('和平区', '210102'), d('沈河区', '210103'), d('铁西区', '210106')] },
  { name: '大连', province: '辽宁省', areaCode: '0411', courtAbbr: '辽', weight: 1, districts: [d('中山区', '210202'), d('西岗区', '210203'), d('沙河口区', '210204'), d('甘井子区', '210211')] },
  { name: '昆明', province: '云南省', areaCode: '0871', courtAbbr: '云', weight: 1, districts: [d('五华区', '530102'), d('盘龙区', '530103'), d('官渡区', '530111')] },
  { name: '石家庄', province: '河北省', areaCode: '0311', courtAbbr: '冀', weight: 1, districts: [d('长安区', '130102'), d('桥西区', '130104'), d('新华区', '130105')] },
];

function d(name: string, code: string): District {
  return { name, code };
}

/** First and second characters of trade names (字号): 恒 + 瑞 = 恒瑞. */
export const TRADE_NAME_FIRST = Array.from('恒瑞华金鑫宏盛永嘉汇隆泰鼎信诚德天新万中东海博创晨富光广国和弘佳建锦聚凯康力利联明南普庆荣润尚胜顺通威伟祥欣兴亚扬益银宇远跃兆正志众卓安宝昌川达丰福高冠浩弘华佳杰俊开乐龙美')
  .filter((c, i, all) => all.indexOf(c) === i);
export const TRADE_NAME_SECOND = Array.from('达瑞丰源盛泰兴通信远昌隆华安诚和宇辉邦森力新腾峰越凯威科嘉利元海晟锦恒鸿洲顺业成发茂翔图晖');

export interface Trade {
  /** What the company name says: 精密机械. */
  word: string;
  /** The industry of the customer file: 机械制造. */
  industry: string;
  serviceType: 'sales' | 'leasing' | 'integration' | 'operations';
  /** What a contract with such a customer is about. */
  contracts: readonly string[];
  /** A special-industry permit some of them hold. */
  permit?: { name: string; issuer: string; prefix: string };
  weight: number;
}

export const TRADES: readonly Trade[] = [
  { word: '精密机械', industry: '机械制造', serviceType: 'sales', weight: 6, contracts: ['数控机床采购合同', '精密零部件供货合同', '设备维修保养合同'] },
  { word: '机械设备', industry: '机械制造', serviceType: 'leasing', weight: 5, contracts: ['工程机械租赁合同', '设备租赁合同', '配件供货合同'] },
  { word: '智能装备', industry: '机械制造', serviceType: 'integration', weight: 3, contracts: ['自动化产线集成合同', '工业机器人采购合同'] },
  { word: '电子科技', industry: '电子信息', serviceType: 'sales', weight: 6, contracts: ['电子元器件采购框架合同', 'PCB组件供货合同'] },
  { word: '光电', industry: '电子信息', serviceType: 'sales', weight: 2, contracts: ['LED模组供货合同', '光电器件采购合同'] },
  { word: '信息技术', industry: '信息技术', serviceType: 'integration', weight: 5, contracts: ['信息系统集成合同', '软件开发服务合同', '运维服务合同'] },
  { word: '软件', industry: '信息技术', serviceType: 'operations', weight: 3, contracts: ['软件许可及维护合同', '云服务订阅合同'] },
  { word: '通信技术', industry: '通信', serviceType: 'integration', weight: 2, contracts: ['通信设备采购合同', '网络工程施工合同'] },
  { word: '纺织', industry: '纺织服装', serviceType: 'sales', weight: 4, contracts: ['坯布采购合同', '纱线供货合同'] },
  { word: '服饰', industry: '纺织服装', serviceType: 'sales', weight: 2, contracts: ['面辅料采购合同', '成衣加工合同'] },
  { word: '建材', industry: '建筑建材', serviceType: 'sales', weight: 4, contracts: ['建筑材料采购合同', '商品混凝土供应合同'] },
  {
    word: '建设工程',
    industry: '建筑建材',
    serviceType: 'operations',
    weight: 3,
    contracts: ['建设工程施工合同', '钢材供货合同'],
    permit: { name: '建筑业企业资质证书', issuer: '住房和城乡建设厅', prefix: 'D' },
  },
  {
    word: '食品',
    industry: '食品饮料',
    serviceType: 'sales',
    weight: 3,
    contracts: ['食品原料采购合同', '包装食品经销合同'],
    permit: { name: '食品生产许可证', issuer: '市场监督管理局', prefix: 'SC' },
  },
  { word: '物流', industry: '交通物流', serviceType: 'operations', weight: 3, contracts: ['仓储物流服务合同', '道路货物运输合同'] },
  { word: '供应链管理', industry: '批发零售', serviceType: 'operations', weight: 2, contracts: ['供应链服务合同', '代理采购合同'] },
  {
    word: '化工',
    industry: '化工',
    serviceType: 'sales',
    weight: 3,
    contracts: ['化工原料采购合同', '助剂供货合同'],
    permit: { name: '危险化学品经营许可证', issuer: '应急管理局', prefix: 'WH' },
  },
  { word: '塑胶', industry: '化工', serviceType: 'sales', weight: 2, contracts: ['塑胶粒子采购合同', '注塑件供货合同'] },
  {
    word: '医药',
    industry: '医药健康',
    serviceType: 'sales',
    weight: 2,
    contracts: ['医药产品经销合同', '医疗器械采购合同'],
    permit: { name: '药品经营许可证', issuer: '药品监督管理局', prefix: 'YP' },
  },
  { word: '生物科技', industry: '医药健康', serviceType: 'sales', weight: 2, contracts: ['试剂耗材采购合同', '技术服务合同'] },
  { word: '新能源科技', industry: '能源', serviceType: 'integration', weight: 3, contracts: ['光伏组件采购合同', '储能系统集成合同'] },
  { word: '电气', industry: '电气设备', serviceType: 'sales', weight: 3, contracts: ['配电柜采购合同', '电缆供货合同'] },
  { word: '环保科技', industry: '节能环保', serviceType: 'operations', weight: 2, contracts: ['污水处理运营服务合同', '环保设备采购合同'] },
  { word: '汽车零部件', industry: '汽车制造', serviceType: 'sales', weight: 4, contracts: ['汽车零部件供货合同', '模具开发合同'] },
  { word: '包装材料', industry: '包装印刷', serviceType: 'sales', weight: 2, contracts: ['包装材料采购合同', '纸箱供货合同'] },
  { word: '印务', industry: '包装印刷', serviceType: 'sales', weight: 1, contracts: ['印刷品加工合同'] },
  { word: '五金制品', industry: '五金制品', serviceType: 'sales', weight: 3, contracts: ['五金件采购合同', '紧固件供货合同'] },
  { word: '家具', industry: '家居用品', serviceType: 'sales', weight: 2, contracts: ['办公家具采购合同', '定制家具供货合同'] },
  { word: '贸易', industry: '批发零售', serviceType: 'sales', weight: 5, contracts: ['产品购销合同', '年度经销合同'] },
  { word: '实业', industry: '综合', serviceType: 'sales', weight: 2, contracts: ['产品购销合同', '委托加工合同'] },
];

/** The legal form at the end of a company name, with its weight. */
export const COMPANY_FORMS: readonly { suffix: string; weight: number; nature?: 'state_owned' | 'joint_venture' }[] = [
  { suffix: '有限公司', weight: 70 },
  { suffix: '股份有限公司', weight: 15 },
  { suffix: '有限责任公司', weight: 8 },
  { suffix: '集团有限公司', weight: 4 },
];

export const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢傅钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛段雷龙黎史陶贺毛郝顾龚邵万钱戴严孔向常汤康易乔赖文',
);
export const GIVEN_MALE = Array.from('伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林东志峰建国文博晨阳振');
export const GIVEN_FEMALE = Array.from('芳娜敏静丽艳娟霞秀英华慧巧美娅琳婷雪琴云莉萍红玲燕倩颖洁佳怡欣悦梅');

export const BANKS: readonly { name: string; accountPrefix: string }[] = [
  { name: '中国工商银行', accountPrefix: '1202' },
  { name: '中国建设银行', accountPrefix: '3305' },
  { name: '中国农业银行', accountPrefix: '1908' },
  { name: '中国银行', accountPrefix: '3560' },
  { name: '交通银行', accountPrefix: '3310' },
  { name: '招商银行', accountPrefix: '5719' },
  { name: '兴业银行', accountPrefix: '3560' },
  { name: '中信银行', accountPrefix: '8110' },
  { name: '浦发银行', accountPrefix: '9520' },
  { name: '浙商银行', accountPrefix: '3310' },
];

export const ROADS = ['人民路', '解放路', '中山路', '建设路', '科技路', '新华路', '工业大道', '创业路', '环城北路', '滨江大道', '学院路', '东方大道', '长江路', '黄河路', '文化路', '迎宾大道', '振兴路', '兴业街', '湖滨路', '经济开发区纬二路'];

export const CERTIFIERS = ['中国质量认证中心', '方圆标志认证集团有限公司', '北京世标认证中心有限公司', '中国船级社质量认证有限公司', '上海质量体系审核中心'];

export const AGENCIES: readonly { name: string; prefix: string }[] = [
  { name: '中诚信国际信用评级有限责任公司', prefix: 'CCXI' },
  { name: '联合资信评估股份有限公司', prefix: 'LHZX' },
  { name: '大公国际资信评估有限公司', prefix: 'DGZX' },
  { name: '东方金诚国际信用评估有限公司', prefix: 'DFJC' },
  { name: '邓白氏（中国）', prefix: 'DNB' },
  { name: '中证鹏元资信评估股份有限公司', prefix: 'PYZX' },
];

export const LAWSUIT_CAUSES = ['买卖合同纠纷', '加工合同纠纷', '建设工程施工合同纠纷', '租赁合同纠纷', '借款合同纠纷', '服务合同纠纷', '劳动争议', '票据付款请求权纠纷'];

export const PRAISE = [
  '对产品质量和交付及时性表示满意',
  '认可售后响应速度，希望保持',
  '整体满意，建议优化对账流程',
  '对项目实施团队的专业能力评价较高',
  '满意，希望明年扩大合作范围',
  '基本满意，希望价格更有竞争力',
];

export const COMPLAINTS = [
  '反映第三批货物包装破损，已协调补发',
  '反映发票开具延迟，影响其付款审批',
  '投诉到货时间比约定晚五天',
  '反映部分批次产品尺寸偏差，已退换',
  '投诉售后工程师未按约定时间上门',
  '对对账单金额有异议，经核对后已更正',
];
