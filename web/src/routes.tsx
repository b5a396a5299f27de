// Every page of the console: its path, who may open it, its menu entry, and its code (loaded on demand).
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { User } from './lib/auth';

type Role = User['role'];
export interface PageDef { path: string; roles: Role[]; zh: string; en: string; menu?: boolean; page: LazyExoticComponent<ComponentType> }

const page = (load: () => Promise<{ default: ComponentType }>) => lazy(load);

export const PAGES: PageDef[] = [
  { path: '/dashboard', roles: ['secretariat', 'admin'], zh: '工作台', en: 'Dashboard', menu: true, page: page(() => import('./pages/Dashboard')) },
  { path: '/inbox', roles: ['unit'], zh: '待办件', en: 'Inbox', menu: true, page: page(() => import('./pages/Inbox')) },
  { path: '/mine', roles: ['deputy'], zh: '我的建议', en: 'My suggestions', menu: true, page: page(() => import('./pages/MySuggestions')) },
  { path: '/new', roles: ['deputy'], zh: '提出建议', en: 'New suggestion', menu: true, page: page(() => import('./pages/NewSuggestion')) },
  { path: '/review', roles: ['secretariat'], zh: '审核', en: 'Review', menu: true, page: page(() => import('./pages/ReviewQueue')) },
  { path: '/assign', roles: ['secretariat'], zh: '交办', en: 'Assignment', menu: true, page: page(() => import('./pages/AssignQueue')) },
  { path: '/approvals', roles: ['secretariat'], zh: '退回与延期审批', en: 'Approvals', menu: true, page: page(() => import('./pages/Approvals')) },
  { path: '/key', roles: ['secretariat', 'committee'], zh: '重点督办', en: 'Key suggestions', menu: true, page: page(() => import('./pages/KeySuggestions')) },
  { path: '/suggestions', roles: ['secretariat', 'admin', 'unit'], zh: '全部建议', en: 'All suggestions', menu: true, page: page(() => import('./pages/AllSuggestions')) },
  { path: '/bulletins', roles: ['secretariat', 'unit'], zh: '进度通报', en: 'Bulletins', menu: true, page: page(() => import('./pages/Bulletins')) },
  { path: '/reports', roles: ['secretariat', 'committee', 'admin'], zh: '报表', en: 'Reports', menu: true, page: page(() => import('./pages/Reports')) },
  { path: '/transfer', roles: ['secretariat', 'admin'], zh: '导入导出', en: 'Import & export', menu: true, page: page(() => import('./pages/Transfer')) },
  { path: '/calendar', roles: ['secretariat', 'admin'], zh: '工作日历', en: 'Calendar', menu: true, page: page(() => import('./pages/CalendarPage')) },
  { path: '/profile', roles: ['secretariat', 'admin'], zh: '时限配置', en: 'Policy profile', menu: true, page: page(() => import('./pages/ProfilePage')) },
  { path: '/audit', roles: ['admin'], zh: '审计日志', en: 'Audit log', menu: true, page: page(() => import('./pages/Audit')) },
  { path: '/tokens', roles: ['admin'], zh: '访问令牌', en: 'API tokens', menu: true, page: page(() => import('./pages/Tokens')) },
  { path: '/notifications', roles: ['deputy', 'unit', 'secretariat', 'committee', 'admin'], zh: '消息通知', en: 'Notifications', menu: true, page: page(() => import('./pages/Notifications')) },
  { path: '/suggestions/:id', roles: ['deputy', 'unit', 'secretariat', 'committee', 'admin'], zh: '建议详情', en: 'Suggestion', page: page(() => import('./pages/SuggestionDetail')) },
];

export const HOME: Record<Role, string> = { secretariat: '/dashboard', admin: '/dashboard', unit: '/inbox', deputy: '/mine', committee: '/key' };
