// The guide's "Complete Workflow" steps 1-3, copied unchanged (the browser tests check that they
// still match) inside one function, because the steps share `file`, `data` and `jobId`.
// The guide leaves updateUI and showSuccess to the page: index.html defines them.
async function uploadAndAnalyze(file) {
// ---- 1. Upload Resume
// Get presigned URL
const { data } = await fetch('/api/v1/upload/presigned-url', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ fileName: file.name })
}).then(r => r.json());

// Upload to Azure
await fetch(data.uploadUrl, {
  method: 'PUT',
  headers: { 'x-ms-blob-type': 'BlockBlob' },
  body: file
});

// ---- 2. Add to Queue
const job = await fetch('/api/v1/queue/add', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({
    queueName: 'resume-analysis',
    jobName: 'analyze-resume',
    data: {
      resumeId: 'resume-123',
      fileName: data.fileName
    }
  })
}).then(r => r.json());

const jobId = job.data.jobId; // Use this for monitoring!

// ---- 3. Monitor Progress
const eventSource = new EventSource(`/api/v1/sse/job/${jobId}`);

eventSource.addEventListener('job_update', (e) => {
  const { progress, message, status } = JSON.parse(e.data);
  updateUI(progress, message);
  
  if (status === 'completed') {
    showSuccess();
    eventSource.close();
  }
});

return jobId;
}
