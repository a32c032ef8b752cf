/**
 * The words of a map tile source's fields (src/ui/map/TileSourceFields.tsx):
 * the officer's base-map settings and the admin's brigade base map load them.
 */
import type { MessageBundle } from '../i18n/setup';

const zhCN = {
  tileSettings: {
    title: '地图底图',
    preset: '底图来源',
    presets: { osm: 'OpenStreetMap', 'tianditu-vec': '天地图（矢量）', custom: '自定义' },
    template: '图块地址模板',
    templateHint: '须包含 {z}、{x}、{y}，只能是 http(s) 地址；可用 {s}、{tk}。',
    key: '天地图密钥 (tk)',
    keyHint: '天地图须使用密钥：在 console.tianditu.gov.cn 申请“浏览器端”密钥。',
    subdomains: '子域名 ({s})',
    attribution: '版权说明',
    crossOrigin: '以跨域 (CORS) 方式请求图块（缓存占用更少；服务器须支持）',
    save: '保存底图设置',
    saved: '底图设置已保存。',
    cached: '本机已缓存 {{count}} 张图块。',
    clearCache: '清除已缓存的图块',
    own: '本机使用自己设置的底图。',
    useBrigade: '改用大队统一底图',
    brigadeOrDefault: '本机未单独设置：使用大队统一的底图（大队未设置时为 OpenStreetMap）。',
    problem: {
      'missing-placeholders': '“{{field}}”缺少 {{missing}}。',
      'not-http': '“{{field}}”只能是 http:// 或 https:// 开头的地址。',
      'not-a-url': '“{{field}}”不是有效的网址。',
      required: '请填写“{{field}}”。',
    },
  },
};

const en: typeof zhCN = {
  tileSettings: {
    title: 'Base map',
    preset: 'Map source',
    presets: { osm: 'OpenStreetMap', 'tianditu-vec': 'Tianditu (vector)', custom: 'Custom' },
    template: 'Tile URL template',
    templateHint: 'Must contain {z}, {x}, {y} and be an http(s) address; {s} and {tk} may be used.',
    key: 'Tianditu key (tk)',
    keyHint: 'Tianditu needs a key: request a “browser” key at console.tianditu.gov.cn.',
    subdomains: 'Subdomains ({s})',
    attribution: 'Attribution',
    crossOrigin: 'Request tiles with CORS (smaller cache; the server must allow it)',
    save: 'Save map settings',
    saved: 'Map settings saved.',
    cached: '{{count}} map tiles cached on this phone.',
    clearCache: 'Clear cached map tiles',
    own: 'This phone uses its own base map.',
    useBrigade: 'Use the brigade’s base map',
    brigadeOrDefault:
      'Not set on this phone: the brigade’s base map is used (OpenStreetMap when the brigade set none).',
    problem: {
      'missing-placeholders': '“{{field}}” lacks {{missing}}.',
      'not-http': '“{{field}}” must start with http:// or https://.',
      'not-a-url': '“{{field}}” is not a valid address.',
      required: 'Please fill in “{{field}}”.',
    },
  },
};

export const tileSourceMessages: MessageBundle<typeof zhCN> = { 'zh-CN': zhCN, en };
