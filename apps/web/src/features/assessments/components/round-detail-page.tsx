// STUB: replaced by the issue-5 web work.
export default function RoundDetailPage() {
  return <div>建设中</div>;
}
