import { useEffect } from 'react';
import { Link } from 'react-router';
import { TEXT_LINK } from '../ui/link-styles';

export function NotFoundPage() {
  useEffect(() => {
    document.title = 'ページが見つかりません｜市政変革 ワークフロー';
  }, []);
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-12">
      <p className="text-std-16B-170 text-solid-gray-700">北九州市 市政変革 ワークフロー</p>
      <h1 className="mt-2 text-std-32B-150 text-solid-gray-900">ページが見つかりません</h1>
      <p className="mt-4 text-std-16N-170">お探しのページは、移動したか削除された可能性があります。アドレスに誤りがないかご確認ください。</p>
      <p className="mt-6 text-std-16N-170">
        <Link to="/" className={TEXT_LINK}>
          ホームへ戻る
        </Link>
      </p>
    </main>
  );
}
