import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../lib/i18n';

/** Also what a user sees for an item outside their scope: the server answers 404 so its existence does not leak. */
export function NotFound({ what }: { what?: [zh: string, en: string] }) {
  const t = useT();
  return (
    <Result status="404" title={<h1 className="hy-h1">{t('未找到', 'Not found')}</h1>}
      subTitle={what ? t(`${what[0]}不存在，或不在您的查看范围内。`, `This ${what[1]} does not exist or is outside what you may see.`) : t('页面不存在，或您无权查看。', 'This page does not exist or is not open to you.')}
      extra={<Link to="/"><Button type="primary">{t('返回首页', 'Back to the start')}</Button></Link>} />
  );
}
