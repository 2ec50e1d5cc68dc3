import { useEffect, useState } from 'react';

function ResumeAnalysis({ jobId }) {
  const [progress, setProgress] = useState(0);
  const [status, setStatus] = useState('connecting');
  const [message, setMessage] = useState('Connecting...');
  const [result, setResult] = useState(null);

  useEffect(() => {
    // One-step connection!
    const eventSource = new EventSource(
      `/api/v1/sse/job/${jobId}?queueName=resume-analysis`
    );

    eventSource.addEventListener('connected', (e) => {
      console.log('✅ Connected to job monitoring');
      setStatus('connected');
      setMessage('Waiting for job to start...');
    });

    eventSource.addEventListener('job_update', (e) => {
      const data = JSON.parse(e.data);
      
      setProgress(data.progress);
      setStatus(data.status);
      setMessage(data.message);

      if (data.status === 'completed') {
        setResult(data.result);
        eventSource.close();
      } else if (data.status === 'failed') {
        console.error('Job failed:', data.error);
        eventSource.close();
      }
    });

    eventSource.onerror = () => {
      setStatus('error');
      setMessage('Connection lost');
      eventSource.close();
    };

    return () => eventSource.close();
  }, [jobId]);

  return (
    <div className="resume-analysis">
      <div className="progress-container">
        <div className="progress-bar">
          <div 
            className="progress-fill" 
            style={{ width: `${progress}%` }}
          >
            {progress}%
          </div>
        </div>
        <p className="status">{status}</p>
        <p className="message">{message}</p>
      </div>
      
      {result && (
        <div className="results">
          <h3>Analysis Complete!</h3>
          <p>Score: {result.score}/100</p>
        </div>
      )}
    </div>
  );
}

export default ResumeAnalysis;
