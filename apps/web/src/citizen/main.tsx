import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CitizenApp } from './app';
import './citizen.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CitizenApp />
  </StrictMode>,
);
