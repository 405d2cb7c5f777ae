// STUB: replaced by the issue-5 web work.
export default function CampaignsPage() {
  return <div>建设中</div>;
}
