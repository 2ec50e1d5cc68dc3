// The guide's "Vanilla JavaScript - Minimal" monitorJob, copied unchanged
// (../shared/seed-sse-job-monitoring-guide.md; the browser tests check that it still matches).
function monitorJob(jobId, onUpdate, onComplete) {
  const eventSource = new EventSource(`/api/v1/sse/job/${jobId}`);

  eventSource.addEventListener('job_update', (e) => {
    const data = JSON.parse(e.data);
    onUpdate(data);

    if (data.status === 'completed') {
      onComplete(data.result);
      eventSource.close();
    } else if (data.status === 'failed') {
      onComplete(null, data.error);
      eventSource.close();
    }
  });

  return () => eventSource.close();
}
